/**
 * A .dsalint.yaml can arrive in a pull request: regular expressions and globs in it are
 * checked before use, so a config cannot make a run take minutes.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { globProblem, matchesAny } from '../../src/core/config.js';

const AGREEMENT = 'dsalint: 1\nid: EX-1\ntitle: T\n';
const SLOW_GLOB = '*a*a*a*a*a*a*a*a*a*a*b';

describe('untrusted config', () => {
  it('refuses a rule option pattern with nested repeats, before using it', async () => {
    const dir = await tempProject({
      'a.dsa.yaml': AGREEMENT,
      '.dsalint.yaml': "rules:\n  s251-approval-invalid:\n    options:\n      reference_pattern: '^(a+)+$'\n",
    });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'dsalint: invalid config: .dsalint.yaml:4:26: option reference_pattern is a regular expression that can take exponential time on some text (a repeat inside a repeat, such as (a+)+); write it without nested repeats.\n',
    );
  });

  it.each([
    ['ignore', `ignore: ['${SLOW_GLOB}']\n`, '1:10'],
    ['overrides.files', `overrides:\n  - files: ['${SLOW_GLOB}']\n    rules: { schema: warning }\n`, '2:13'],
    ['waivers.files', `waivers:\n  - rule: schema\n    files: '${SLOW_GLOB}'\n    reason: test\n`, '3:12'],
  ])('refuses a glob with many * in one part of a path in %s', async (_key, config, where) => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, '.dsalint.yaml': config });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `dsalint: invalid config: .dsalint.yaml:${where}: the glob "${SLOW_GLOB}" has 11 * wildcards between two slashes; use at most 2, as in "*-draft*.dsa.yaml", so matching stays quick.\n`,
    );
  });

  it('accepts ordinary globs, and matches extended-glob syntax as plain text', () => {
    expect(['agreements/**/*.dsa.yaml', '**/*-draft*.dsa.md', 'north east/*.dsa.yml'].map(globProblem)).toEqual([undefined, undefined, undefined]);
    expect(matchesAny(['+(a|aa)*.dsa.yaml'], 'aaaa.dsa.yaml')).toBe(false);
    expect(matchesAny(['**/*-draft*.dsa.yaml'], 'x/y/a-draft-2.dsa.yaml')).toBe(true);
  });
});
