/**
 * The JSON report's documented shape: schema/report.schema.json (JSON Schema 2020-12).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runLint } from '../../src/core/run.js';
import { json, jsonReport } from '../../src/reporters/json.js';
import { sampleRun } from './fixtures/run.js';
import { AS_OF, agreementsProject } from './fixtures/project.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function validate(report: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const check = ajv.compile(schema);
  return check(report) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('schema/report.schema.json', () => {
  it('is a strict, valid JSON Schema 2020-12 document', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => new Ajv2020({ strict: true }).compile(schema)).not.toThrow();
  });

  it('describes the report of the sample run', () => {
    expect(validate(JSON.parse(json(sampleRun(), { color: false, quiet: false })))).toEqual([]);
  });

  it('describes the report of a real run (every registered rule, a failure, a waiver)', async () => {
    const dir = await agreementsProject();
    const run = await runLint({ paths: ['.'], cwd: dir, asOf: AS_OF });
    const report = jsonReport(run) as { summary: { failures: number; suppressed: number; error: number } };
    expect(report.summary.failures).toBe(1);
    expect(report.summary.suppressed).toBeGreaterThan(0);
    expect(report.summary.error).toBeGreaterThan(0);
    expect(validate(report)).toEqual([]);
  });

  it('rejects what the report never contains (the check can fail)', () => {
    const report = jsonReport(sampleRun()) as { files: { findings: Record<string, unknown>[] }[] };
    const finding = report.files.find((f) => f.findings.length)!.findings[0]!;
    finding['severity'] = 'fatal';
    finding['extra'] = true;
    expect(validate(report)).toEqual(expect.arrayContaining([expect.stringContaining('severity'), expect.stringContaining('must NOT have additional properties')]));
  });
});
