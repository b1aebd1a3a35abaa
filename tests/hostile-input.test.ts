/**
 * Agreements are untrusted input: hostile or broken files give findings, never crashes,
 * and the work per file stays bounded. (Speed is measured by npm run bench, not here.)
 */
import { describe, expect, it } from 'vitest';
import { describe as describeFindings, lintText } from './helpers/lint.js';

const HEAD = 'dsalint: 1\nid: EX-1\ntitle: T\n';

describe('hostile and broken input', () => {
  it('refuses absurd bracket nesting before parsing it', async () => {
    const outcome = await lintText(`${HEAD}x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(describeFindings(outcome.findings)).toEqual(['yaml-syntax too-deep 4:68-4:69']);
    expect(outcome.agreement).toBeUndefined();
  });

  it('turns parser stack exhaustion from deep indentation into the same plain finding', async () => {
    const deep = Array.from({ length: 4000 }, (_, i) => `${' '.repeat(i)}a:\n`).join('');
    const outcome = await lintText(`${HEAD}${deep}`);
    expect(outcome.findings.map((f) => `${f.ruleId} ${f.messageId}`)).toEqual(['yaml-syntax too-deep']);
  });

  it('does not expand an alias bomb', async () => {
    const bomb = `${HEAD}a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`;
    const outcome = await lintText(bomb);
    // 18 aliases is under the count limit, but expanding them would pass the expansion limit.
    expect(describeFindings(outcome.findings)).toEqual(['yaml-alias cannot-expand 5:8-5:10']);
    expect(outcome.notes).toEqual(['Only the YAML checks ran: the agreement could not be read as YAML data.']);
  });

  it('reads a very long line', async () => {
    const outcome = await lintText(`${HEAD.replace('title: T', `title: ${'x'.repeat(1_000_000)}`)}`, { rules: [] });
    expect(outcome.failure).toBeUndefined();
  });

  it('treats code-execution tags as plain, reported tags and never runs them', async () => {
    const outcome = await lintText(`${HEAD}x: !!js/function 'function () { process.exit(3) }'\ny: !!python/object:os.system [echo]\n`);
    const tags = outcome.findings.filter((f) => f.ruleId === 'yaml-custom-tag');
    expect(tags.map((f) => `${f.location.range.start.line} ${f.message}`)).toEqual([
      '4 The tag !!js/function is not plain YAML; remove it and write the value directly.',
      '5 The tag !!python/object:os.system is not plain YAML; remove it and write the value directly.',
    ]);
  });

  it('reports a file that is only a scalar', async () => {
    const outcome = await lintText('just some text\n');
    expect(describeFindings(outcome.findings)).toEqual(['schema not-a-mapping 1:1-1:15']);
  });

  it('reports a Markdown agreement with no front matter', async () => {
    const outcome = await lintText('# Agreement\n\nSome text.\n', { markdown: true });
    expect(describeFindings(outcome.findings)).toEqual(['yaml-syntax no-front-matter 1:1-1:12']);
  });

  it('does not crash on deep nesting in a file that also carries a waiver comment', async () => {
    const waiver = '# dsalint-disable-next-line schema -- test\n';
    for (const deep of [`x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, `x:\n${'- '.repeat(5000)}a\n`]) {
      const outcome = await lintText(`${HEAD}${waiver}${deep}`);
      expect(outcome.failure).toBeUndefined();
      expect(outcome.findings.map((f) => `${f.ruleId} ${f.messageId}`)).toContain('yaml-syntax too-deep');
    }
  });
});
