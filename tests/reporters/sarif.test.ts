/**
 * SARIF: the official SARIF 2.1.0 JSON Schema, Microsoft's SARIF validator with its
 * default and GitHub (`--rule-kind Gh`) rules, and what GitHub code scanning relies on:
 * rule descriptors, regions, fingerprints, suppressions, review results, notifications and
 * the results-per-run limit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLint } from '../../src/core/run.js';
import type { LintRun } from '../../src/core/types.js';
import { FINGERPRINT_KEY, GITHUB_MAX_TAGS, sarif, sarifLog } from '../../src/reporters/sarif.js';
import { sampleRun } from './fixtures/run.js';
import { AS_OF, BAD_PATH, BROKEN_PATH, agreementsProject, fixtureText } from './fixtures/project.js';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The multitool binary for this platform, and whether it runs here. It is a 100 MB download,
 * so it is not a dependency: install it to run these tests (npm install --no-save
 * @microsoft/sarif-multitool). The schema checks below run everywhere.
 */
function multitool(): { path?: string; reason?: string } {
  let path: string;
  try {
    path = require('@microsoft/sarif-multitool') as string;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
    return {
      reason: missing
        ? '@microsoft/sarif-multitool is not installed (a 100 MB download kept out of the dependencies); run npm install --no-save @microsoft/sarif-multitool to run these tests'
        : `@microsoft/sarif-multitool has no binary for ${process.platform}/${process.arch}: ${(error as Error).message}`,
    };
  }
  if (!existsSync(path)) return { reason: `the multitool binary ${path} is missing` };
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.status !== 0) return { reason: `the multitool does not run on this machine: ${probe.error?.message ?? probe.stderr}` };
  return { path };
}
const MULTITOOL = multitool();

// The OASIS SARIF 2.1.0 schema, as the multitool ships it (MIT), kept here so it is checked without the multitool.
const schemaPath = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'sarif-2.1.0.schema.json');

function validateSchema(log: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Problems (error or warning) the Microsoft validator reports for a SARIF text. */
function multitoolProblems(text: string, ruleKind: 'Sarif' | 'Gh'): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'dsalint-sarif-'));
  const input = join(dir, 'input.sarif');
  const output = join(dir, 'output.sarif');
  writeFileSync(input, text);
  const run = spawnSync(MULTITOOL.path!, ['validate', '--rule-kind', ruleKind, '--level', 'Error;Warning;Note', '-o', output, input], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) return [`multitool exited ${run.status}: ${run.stdout}${run.stderr}`];
  const log = JSON.parse(readFileSync(output, 'utf8')) as Json;
  const resultRun = log['runs'][0];
  const levels = new Map<string, string>((resultRun.tool.driver.rules ?? []).map((r: Json) => [r['id'], r['defaultConfiguration']?.['level'] ?? 'warning']));
  const results = (resultRun.results ?? []) as Json[];
  const problems = results.filter((r) => ['error', 'warning'].includes(r['level'] ?? levels.get(r['ruleId']) ?? 'warning'));
  const notifications = (resultRun.invocations ?? []).flatMap((i: Json) => [...(i['toolExecutionNotifications'] ?? []), ...(i['toolConfigurationNotifications'] ?? [])]) as Json[];
  return [
    ...problems.map((r) => `${r['ruleId']} ${JSON.stringify(r['message'])}`),
    ...notifications.filter((n) => n['level'] === 'error').map((n) => `notification ${JSON.stringify(n['message'])}`),
  ];
}

let realRun: LintRun;
let realLog: Json;
let projectDir: string;

beforeAll(async () => {
  projectDir = await agreementsProject();
  realRun = await runLint({ paths: ['.'], cwd: projectDir, asOf: AS_OF });
  realLog = JSON.parse(sarif(realRun, { color: false, quiet: false })) as Json;
});

describe('SARIF against the official schema', () => {
  it('validates the sample run', () => {
    expect(validateSchema(sarifLog(sampleRun()))).toEqual([]);
  });
  it('validates a real run over an agreements repository', () => {
    expect(realRun.files.some((f) => f.findings.length > 0)).toBe(true);
    expect(validateSchema(realLog)).toEqual([]);
  });
  it('the schema check can fail (a result without a message is rejected)', () => {
    const log = sarifLog(sampleRun()) as Json;
    delete log['runs'][0]['results'][0]['message'];
    expect(validateSchema(log).length).toBeGreaterThan(0);
  });
});

describe.skipIf(!MULTITOOL.path)(`SARIF against Microsoft's validator${MULTITOOL.reason ? ` (skipped: ${MULTITOOL.reason})` : ''}`, () => {
  it.each(['Sarif', 'Gh'] as const)('passes --rule-kind %s for the sample run', (kind) => {
    expect(multitoolProblems(sarif(sampleRun(), { color: false, quiet: false }), kind)).toEqual([]);
  });
  it.each(['Sarif', 'Gh'] as const)('passes --rule-kind %s for a real run', (kind) => {
    expect(multitoolProblems(JSON.stringify(realLog), kind)).toEqual([]);
  });
  it('reports a problem the GitHub rules care about (the check can fail)', () => {
    const log = sarifLog(sampleRun()) as Json;
    // GitHub code scanning needs a location on every result (GH1015 and friends).
    delete log['runs'][0]['results'][0]['locations'];
    expect(multitoolProblems(JSON.stringify(log), 'Gh').length).toBeGreaterThan(0);
  });
});

describe('SARIF content', () => {
  it('is one run with the tool name, version, information URI and automation details', () => {
    const log = sarifLog(sampleRun()) as Json;
    expect(log['version']).toBe('2.1.0');
    expect(log['runs']).toHaveLength(1);
    const run = log['runs'][0];
    expect(run.tool.driver).toMatchObject({ name: 'dsalint', version: '9.9.9-test', semanticVersion: '9.9.9-test', informationUri: 'https://github.com/dsalint/dsalint' });
    expect(run.automationDetails).toEqual({ id: 'dsalint/' });
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('describes every registered rule completely, in registry order', () => {
    const rules = realLog['runs'][0].tool.driver.rules as Json[];
    expect(rules.map((r) => r['id'])).toEqual(realRun.rules.map((r) => r.id));
    for (const rule of rules) {
      expect(rule['shortDescription'].text, rule['id']).toMatch(/\S/);
      expect(rule['fullDescription'].text, rule['id']).toMatch(/\S/);
      expect(rule['help'].text, rule['id']).toMatch(/\S/);
      expect(rule['help'].markdown, rule['id']).toMatch(/\S/);
      expect(rule['helpUri'], rule['id']).toMatch(/^https:\/\//);
      expect(['error', 'warning', 'note']).toContain(rule['defaultConfiguration'].level);
      expect(Array.isArray(rule['properties'].tags)).toBe(true);
      expect(rule['properties'].tags.length).toBeLessThanOrEqual(GITHUB_MAX_TAGS);
      if (rule['name'] !== undefined) expect(rule['name'].toLowerCase()).not.toBe(rule['id'].toLowerCase());
    }
  });

  it('gives each result its rule id and the index of that rule', () => {
    const run = realLog['runs'][0];
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results as Json[]) {
      expect(run.tool.driver.rules[result['ruleIndex']].id).toBe(result['ruleId']);
      expect(result['message'].text).toMatch(/\S/);
    }
  });

  it('points at the exact text: relative, encoded URIs under %SRCROOT%, 1-based end-exclusive regions', () => {
    const text = fixtureText('icb-whole-system.dsa.yaml');
    const lines = text.split('\n');
    const run = realLog['runs'][0];
    const bad = (run.results as Json[]).filter((r) => r['locations'][0].physicalLocation.artifactLocation.uri === 'agreements/North%20East/icb-whole-system.dsa.yaml');
    expect(bad.length).toBeGreaterThan(0);
    for (const result of bad) {
      const { artifactLocation, region } = result['locations'][0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(run.artifacts[artifactLocation.index].location.uri).toBe(artifactLocation.uri);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      if (region.startLine === region.endLine) expect(region.endColumn).toBeGreaterThanOrEqual(region.startColumn);
    }
    const whole = bad.find((r) => r['ruleId'] === 'whole-system-access');
    expect(whole).toBeDefined();
    const region = whole!['locations'][0].physicalLocation.region;
    // End-exclusive: the region is exactly the access mode value.
    expect(lines[region.startLine - 1]!.slice(region.startColumn - 1, region.endColumn - 1)).toBe('live_system_access');
  });

  it('adds related locations where a finding points elsewhere too', () => {
    const result = (sarifLog(sampleRun()) as Json)['runs'][0].results.find((r: Json) => r['ruleId'] === 'whole-system-access' && !r['suppressions']);
    expect(result.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'agreements/North%20East/icb-whole-system.dsa.yaml', uriBaseId: '%SRCROOT%', index: 1 }, region: { startLine: 30, startColumn: 10, endLine: 30, endColumn: 24 } },
        message: { text: 'The population is every registered patient.' },
      },
      {
        id: 2,
        physicalLocation: { artifactLocation: { uri: 'agreements/North%20East/icb-whole-system.dsa.yaml', uriBaseId: '%SRCROOT%', index: 1 }, region: { startLine: 36, startColumn: 18, endLine: 36, endColumn: 29 } },
        message: { text: 'The whole record is shared here.' },
      },
    ]);
  });

  it('marks judgement calls kind: review with level none', () => {
    const result = (sarifLog(sampleRun()) as Json)['runs'][0].results.find((r: Json) => r['ruleId'] === 'caldicott-judgement');
    expect(result).toMatchObject({ kind: 'review', level: 'none' });
    const problems = (sarifLog(sampleRun()) as Json)['runs'][0].results.filter((r: Json) => r['ruleId'] !== 'caldicott-judgement');
    for (const p of problems) expect(p.kind).toBe('fail');
  });

  it('records waived findings as suppressions with the justification', () => {
    const results = (sarifLog(sampleRun()) as Json)['runs'][0].results as Json[];
    const inline = results.find((r) => r['ruleId'] === 'vague-purpose' && r['suppressions']);
    expect(inline!['suppressions']).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'The owner is named in the covering letter; fixed in 0.4. Approved by Dr A Example.' },
    ]);
    const config = results.find((r) => r['ruleId'] === 'whole-system-access' && r['suppressions']);
    expect(config!['suppressions'][0]).toMatchObject({
      kind: 'external',
      status: 'accepted',
      justification: 'Agreed by the ICB Caldicott Guardian while the shared care record replaces it. Approved by ICB Caldicott Guardian. Expires 2027-01-31.',
      location: { physicalLocation: { artifactLocation: { uri: '.dsalint.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } } },
    });
    // Active findings carry no suppressions.
    expect(results.filter((r) => !r['suppressions'])).toHaveLength(results.length - 2);
  });

  it('records waivers from a real config file as suppressions', () => {
    const waived = (realLog['runs'][0].results as Json[]).filter((r) => r['suppressions']);
    expect(waived.map((r) => r['ruleId'])).toContain('all-fields-scope');
    expect(waived[0]!['suppressions'][0].justification).toContain('Approved by Dr A Example, Caldicott Guardian.');
  });

  it('reports files it could not lint as tool execution notifications', () => {
    const invocation = realLog['runs'][0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    const failure = (invocation.toolExecutionNotifications as Json[]).find((n) => n['descriptor'].id === 'dsalint/invalid-utf8');
    expect(failure).toBeDefined();
    expect(failure!['level']).toBe('error');
    expect(failure!['locations'][0].physicalLocation.artifactLocation.uri).toBe(BROKEN_PATH);
  });

  it('says so in a notification and keeps the most severe results when over the results limit', () => {
    const log = sarifLog(sampleRun(), { maxResults: 3 }) as Json;
    const run = log['runs'][0];
    expect(run.results).toHaveLength(3);
    // Both errors and the first warning, in file order; waived, review and info findings go first.
    expect(run.results.map((r: Json) => `${r['ruleId']}:${r['level']}`)).toEqual(['waiver-invalid:warning', 'whole-system-access:error', 'schema:error']);
    const note = run.invocations[0].toolExecutionNotifications.find((n: Json) => n['descriptor'].id === 'dsalint/truncated');
    expect(note.message.text).toContain('dsalint found 8 results but GitHub code scanning accepts at most 3');
  });

  it('stays under GitHub limits by default for a large run', () => {
    const base = sampleRun();
    const file = base.files.find((f) => f.path === BAD_PATH)!;
    const many = Array.from({ length: 26_000 }, (_, i) => ({ ...file.findings[1]!, fingerprint: `f${i}` }));
    const run = { ...base, files: [{ ...file, findings: many }] };
    const log = sarifLog(run) as Json;
    expect(log['runs'][0].results).toHaveLength(25_000);
  });
});

describe('SARIF fingerprints', () => {
  async function results(text: string): Promise<{ ruleId: string; fingerprint: string; line: number }[]> {
    const dir = await agreementsProject({ [BAD_PATH]: text });
    const run = await runLint({ paths: [BAD_PATH], cwd: dir, asOf: AS_OF });
    return ((sarifLog(run) as Json)['runs'][0].results as Json[]).map((r) => ({
      ruleId: r['ruleId'],
      fingerprint: r['partialFingerprints'][FINGERPRINT_KEY],
      line: r['locations'][0].physicalLocation.region.startLine,
    }));
  }

  it('are unchanged when a line is inserted above and an unrelated flow is added', async () => {
    const original = fixtureText('icb-whole-system.dsa.yaml');
    const edited = original
      .replace('dsalint: 1\n', '# Reviewed at the November IG meeting.\n\ndsalint: 1\n')
      .replace(
        'flows:\n',
        'flows:\n  - id: letters\n    from: icb\n    to: surgery\n    data: [record]\n    purposes: [phm]\n    access: { mode: per_request, trigger: per_case }\n    transfer: { method: nhsmail, encrypted: true }\n',
      );
    expect(edited).not.toBe(original);
    const before = await results(original);
    const after = await results(edited);
    expect(before.some((r) => r.ruleId === 'whole-system-access')).toBe(true);
    for (const b of before) {
      const a = after.find((x) => x.fingerprint === b.fingerprint);
      expect(a, `the ${b.ruleId} finding on line ${b.line} got a new fingerprint`).toBeDefined();
      expect(a!.ruleId).toBe(b.ruleId);
      // Every finding moved down, so a line-based fingerprint would have changed.
      expect(a!.line).toBeGreaterThan(b.line);
    }
  });

  it('differ between different problems', () => {
    const results = (sarifLog(sampleRun()) as Json)['runs'][0].results as Json[];
    const prints = results.map((r) => r['partialFingerprints'][FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
  });
});
