/**
 * The programmatic API, as published: bin/dsalint.js and its types, bin/dsalint.d.ts. The
 * type checks below fail to compile (npm test runs tsc) when the hand-written types drift
 * from the sources.
 */
import { describe, expect, it } from 'vitest';
import type * as Published from '../bin/dsalint.js';
import type * as Source from '../src/api.js';
import { runCli, tempProject } from './helpers/cli.js';
import { starterAgreement } from '../src/core/starter.js';

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameTypes: [
  Same<Published.LintRun, Source.LintRun>,
  Same<Published.LintResult, Source.LintResult>,
  Same<Published.LintOptions, Source.LintOptions>,
  Same<Published.Finding, Source.Finding>,
  Same<Published.FileResult, Source.FileResult>,
  Same<Published.Format, Source.Format>,
  Same<Published.FailOn, Source.FailOn>,
  Same<typeof Published.lint, typeof Source.lint>,
  Same<typeof Published.report, typeof Source.report>,
] = [true, true, true, true, true, true, true, true, true];

describe('lint()', () => {
  it('returns the run as data, with counts and the exit code the CLI would give, and reports it byte for byte as the CLI does', async () => {
    expect(sameTypes.every(Boolean)).toBe(true);
    const { lint, report } = await import('../src/api.js');
    const dir = await tempProject({ 'a.dsa.yaml': starterAgreement('2026-07-01'), 'b.dsa.yaml': 'dsalint: 1\nid: X\ntitle: T\nretension: 1\n' });
    const run = await lint(['.'], { cwd: dir, asOf: '2026-11-01' });
    expect(run.files.map((f) => f.path)).toEqual(['a.dsa.yaml', 'b.dsa.yaml']);
    expect(run.counts).toEqual({ error: 1, warning: 0, info: 0, review: 0, suppressed: 0, failures: 0 });
    expect(run.exitCode).toBe(1);
    expect(run.files[1]!.findings[0]).toMatchObject({ ruleId: 'schema', messageId: 'unknown-key', location: { range: { start: { line: 4, column: 1 } } } });
    const cli = await runCli(['lint', '-f', 'json', '--as-of', '2026-11-01'], dir);
    expect(report(run, 'json')).toBe(cli.stdout);
    expect(() => report(run, 'pdf' as never)).toThrow('there is no report format "pdf"');
  });
});
