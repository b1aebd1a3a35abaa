/**
 * Text from a pull request (file names, agreement values, waiver reasons) is shown, never
 * obeyed: no CI workflow commands, no terminal escape sequences, no raw HTML in Markdown,
 * no @mentions, and an HTML report that cannot run scripts.
 */
import { describe, expect, it } from 'vitest';
import { starterAgreement } from '../../src/core/starter.js';
import { runCli, tempProject } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2026-11-01'];
const HOSTILE_NAME = 'x\n::add-mask::secret\n::error file=README.md,line=1::pwned\u001b[31m.dsa.yaml';
const SAFE_NAME = 'x[U+000A]::add-mask::secret[U+000A]::error file=README.md,line=1::pwned[U+001B][31m.dsa.yaml';

/** Lines a CI system would read as commands. */
function commandLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => /^\s*(::|##\[|##vso\[)/i.test(line) || line.includes('##vso['));
}

describe('no injection through the reports', () => {
  it('shows a file name with line breaks and escape sequences on one line, as text', async () => {
    const dir = await tempProject({ [HOSTILE_NAME]: 'dsalint: 1\nid: EX-1\ntitle: T\nbad: 1\n' });
    const result = await runCli(['lint', ...AS_OF], dir);
    expect(result.code).toBe(1);
    expect(commandLines(result.stdout)).toEqual([]);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout.split('\n')[0]).toBe(SAFE_NAME);
  });

  it('never lets an agreement value or a waiver reason start a workflow command line', async () => {
    const agreement = 'dsalint: 1\nid: EX-1\ntitle: T\n"a\\n::error file=README.md::pwned": 1\n"##vso[task.setvariable variable=x]y": 2\n';
    const config = 'waivers:\n  - rule: schema\n    files: "w.dsa.yaml"\n    reason: "accepted\\n::error::pwned\\n##[error]pwned"\n';
    const dir = await tempProject({ 'v.dsa.yaml': agreement, 'w.dsa.yaml': 'dsalint: 1\nid: EX-2\ntitle: T\nz: 1\n', '.dsalint.yaml': config });
    for (const format of ['stylish', 'github']) {
      const result = await runCli(['lint', '-f', format, ...AS_OF], dir);
      const lines = commandLines(result.stdout).filter((line) => !/^::(error|warning|notice) file=/.test(line));
      expect(lines, format).toEqual([]);
    }
    // Each message on one line, to read it whole.
    const stylish = (await runCli(['lint', ...AS_OF], dir, { COLUMNS: '400' })).stdout;
    expect(stylish).toContain('Unknown key `a[U+000A]::error file=README.md::pwned`');
    expect(stylish).toContain('#\\#vso[task.setvariable variable=x]y');
    expect(stylish).toContain('(waived: accepted[U+000A]::error::pwned[U+000A]#\\#[error]pwned)');
  });

  it('keeps a file name with a line break inside its code span in the Markdown report', async () => {
    const name = 'a`\n<details><img src=x onerror=alert(1)>\n.dsa.yaml';
    const dir = await tempProject({ [name]: 'dsalint: 1\nid: EX-1\ntitle: T\nbad: 1\n' });
    const result = await runCli(['lint', '-f', 'markdown', ...AS_OF], dir);
    expect(result.stdout.split('\n').filter((line) => /^\s*<(details|img)/.test(line) && line.includes('img'))).toEqual([]);
    expect(result.stdout).toContain('[U+000A]<details><img src=x onerror=alert(1)>[U+000A].dsa.yaml');
  });

  it('neutralises @mentions in the Markdown report, but not e-mail addresses', async () => {
    const agreement = starterAgreement('2026-07-01').replace(/^title: .*$/m, 'title: "Sharing for @octocat and @nhs-team/ig, contact dpo@example.nhs.uk"');
    const dir = await tempProject({ 'm.dsa.yaml': agreement });
    const result = await runCli(['lint', '-f', 'markdown', ...AS_OF], dir);
    // The serialiser escapes the e-mail's @ itself (dpo\@example), which GitHub shows as written.
    expect(result.stdout).toContain('@\u2060octocat and @\u2060nhs-team/ig, contact dpo\\@example.nhs.uk');
    expect(result.stdout).not.toMatch(/(^|[^\w@\\])@(?=[A-Za-z0-9])/m);
  });

  it('gives the HTML report a Content-Security-Policy with no scripts and no network', async () => {
    const dir = await tempProject({ 'm.dsa.yaml': starterAgreement('2026-07-01') });
    const result = await runCli(['lint', '-f', 'html', ...AS_OF], dir);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(result.stdout)?.[1]?.replace(/&#x27;/g, "'");
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+={0,2}'; img-src data:; base-uri 'none'; form-action 'none'$/);
  });
});
