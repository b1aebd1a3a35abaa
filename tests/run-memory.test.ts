/**
 * What a large run holds, and how it lets go (issue 12's memory goal): records kept packed
 * until the checks across agreements, left out of the run when no one reads them, and a
 * report written in pieces that join to exactly the report.
 */
import { describe, expect, it } from 'vitest';
import { runLint } from '../src/core/run.js';
import { executeLint } from '../src/core/lint-command.js';
import { jsonChunks, json } from '../src/reporters/json.js';
import { reportChunks, REPORTERS, FORMATS } from '../src/reporters/index.js';
import { locationOf, recordOf, type AgreementRecord } from '../src/across/record.js';
import { packRecord, unpackRecord } from '../src/across/packed.js';
import { emptyRun } from '../src/core/run.js';
import { tempProject } from './helpers/cli.js';
import { SHARING } from './helpers/agreements.js';
import { sampleRun } from './reporters/fixtures/run.js';

const AS_OF = '2026-11-01';

/** The shared safeguarding agreement under its own id, kept `retention` by the recipient. */
const AGREEMENT = (id: string, retention: string): string => SHARING(retention).replace('RIV-SG-2026-007', id);

const OPTIONS = { color: false, quiet: false };

describe('records', () => {
  it('pack to JSON and unpack to the same record; a spot gives back its location', async () => {
    const cwd = await tempProject({ 'a.dsa.yaml': AGREEMENT('RIV-1', 'P8Y') });
    const record = recordOf((await runLint({ paths: ['.'], cwd, asOf: AS_OF })).files[0]!)!;
    expect(unpackRecord(packRecord(record))).toEqual(record);
    expect(locationOf(record.idAt)).toEqual({ path: 'id', range: { start: { line: 2, column: 5 }, end: { line: 2, column: 10 }, startOffset: 15, endOffset: 20 } });
    expect(locationOf(record.flows[0]!.accessAt).path).toBe('flows[0].access.mode');
  });

  it('a spot of the whole file has no path', () => {
    const at = '1,1,3,4,0,20 ' as AgreementRecord['idAt'];
    expect(locationOf(at)).toEqual({ range: { start: { line: 1, column: 1 }, end: { line: 3, column: 4 }, startOffset: 0, endOffset: 20 } });
  });

  it('are kept in the run by default and left out with keepRecords: false, with the same findings', async () => {
    const cwd = await tempProject({ 'a.dsa.yaml': AGREEMENT('RIV-1', 'P8Y'), 'b.dsa.yaml': AGREEMENT('RIV-2', 'P2Y') });
    const kept = await runLint({ paths: ['.'], cwd, asOf: AS_OF });
    const dropped = await runLint({ paths: ['.'], cwd, asOf: AS_OF, keepRecords: false });
    expect(kept.files.map((f) => recordOf(f)?.id)).toEqual(['RIV-1', 'RIV-2']);
    expect(dropped.files.map((f) => f.record)).toEqual([undefined, undefined]);
    // The across stage saw both records either way: each file has the other's retention period.
    expect(dropped.files.map((f) => f.findings.filter((x) => x.ruleId === 'overlapping-flow-terms').length)).toEqual([1, 1]);
    expect(dropped.files.map((f) => f.findings)).toEqual(kept.files.map((f) => f.findings));
  });

  it('survive the cache: a second run, every file from the cache, compares the same records', async () => {
    const cwd = await tempProject({ 'a.dsa.yaml': AGREEMENT('RIV-1', 'P8Y'), 'b.dsa.yaml': AGREEMENT('RIV-2', 'P2Y') });
    const first = await runLint({ paths: ['.'], cwd, asOf: AS_OF, cache: '.dsalintcache' });
    const second = await runLint({ paths: ['.'], cwd, asOf: AS_OF, cache: '.dsalintcache' });
    expect(second.files.map((f) => f.findings.filter((x) => x.ruleId === 'overlapping-flow-terms').length)).toEqual([1, 1]);
    expect(second.files).toEqual(first.files);
  });

  it('the lint command keeps none (no report reads them)', async () => {
    const cwd = await tempProject({ 'a.dsa.yaml': AGREEMENT('RIV-1', 'P8Y') });
    const result = await executeLint({ paths: ['.'], cwd, asOf: AS_OF, format: 'json', failOn: 'error', quiet: false, color: false });
    expect(result.run.files.map((f) => f.record)).toEqual([undefined]);
  });
});

describe('a report in pieces', () => {
  it('JSON pieces join to the JSON report, one piece per file between the head and the tail', () => {
    const run = sampleRun();
    const pieces = [...jsonChunks(run)];
    expect(pieces.join('')).toBe(json(run, OPTIONS));
    expect(pieces).toHaveLength(run.files.length + 2);
    expect([...jsonChunks(emptyRun(AS_OF))].join('')).toBe(json(emptyRun(AS_OF), OPTIONS));
    expect(JSON.parse(json(emptyRun(AS_OF), OPTIONS)).files).toEqual([]);
  });

  it('every format joins to its report; pieces are batched to at least the batch size but the last', () => {
    const run = sampleRun();
    for (const format of FORMATS) expect([...reportChunks(format, run, OPTIONS)].join('')).toBe(REPORTERS[format](run, OPTIONS));
    const pieces = [...reportChunks('json', run, OPTIONS, 200)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.slice(0, -1).every((p) => p.length >= 200)).toBe(true);
  });

  it('the lint command gives the same report whole and in pieces', async () => {
    const cwd = await tempProject({ 'a.dsa.yaml': AGREEMENT('RIV-1', 'P8Y'), 'b.dsa.yaml': AGREEMENT('RIV-2', 'P2Y') });
    const result = await executeLint({ paths: ['.'], cwd, asOf: AS_OF, format: 'json', failOn: 'error', quiet: false, color: false });
    expect([...result.reportChunks()].join('')).toBe(result.report);
    expect(result.report).toBe(json(result.run, OPTIONS));
  });
});
