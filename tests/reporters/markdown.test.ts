/**
 * The Markdown review report: parsed back with the same Markdown parser GitHub-flavoured
 * renderers use, so the assertions are about what a reviewer sees, not about bytes.
 */
import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { toString } from 'mdast-util-to-string';
import type { Heading, Link, Root, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import { markdownReport } from '../../src/reporters/markdown.js';
import type { LintRun } from '../../src/core/types.js';
import { cleanRun, range, sampleRun } from './fixtures/run.js';

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function headings(tree: Root): string[] {
  const out: string[] = [];
  visit(tree, 'heading', (h: Heading) => {
    out.push(`${'#'.repeat(h.depth)} ${toString(h)}`);
  });
  return out;
}

describe('markdown report', () => {
  const text = markdownReport(sampleRun());
  const tree = parse(text);

  it('has one section per file, agreements before config files, and findings grouped by severity', () => {
    expect(headings(tree)).toEqual([
      '## dsalint review of data sharing agreements',
      '### agreements/North East/icb-whole-system.dsa.yaml: Population health analytics & "case finding" <pilot>',
      '#### Errors (1)',
      '#### Warnings (1)',
      '#### Needs review (1)',
      '#### Information (1)',
      '#### Waived (2)',
      '### agreements/broken.dsa.yaml',
      '### agreements/me-scrutiny.dsa.yaml: Medical examiner scrutiny of deaths in the community',
      '### agreements/not-yet.dsa.md',
      '#### Errors (1)',
      '### .dsalint.yaml (dsalint configuration)',
      '#### Warnings (1)',
    ]);
  });

  it('opens with the counts and a table of verdicts', () => {
    expect(toString(tree.children[1]!)).toBe(
      '✖ 2 errors, 2 warnings, 1 point to review in 4 agreements (2 findings waived; 1 file could not be checked). Judged as of 1 November 2026 by dsalint 9.9.9-test.',
    );
    const table = tree.children.find((n): n is Table => n.type === 'table')!;
    expect(table.children.map((row) => row.children.map((c) => toString(c)))).toEqual([
      ['Agreement', 'Verdict', 'Errors', 'Warnings', 'Needs review', 'Waived'],
      ['agreements/North East/icb-whole-system.dsa.yaml', 'Blocking problems', '1', '1', '1', '2'],
      ['agreements/broken.dsa.yaml', 'Not checked', '0', '0', '0', '0'],
      ['agreements/me-scrutiny.dsa.yaml', 'Clean', '0', '0', '0', '0'],
      ['agreements/not-yet.dsa.md', 'Blocking problems', '1', '0', '0', '0'],
      ['.dsalint.yaml', 'Points to review', '0', '1', '0', '0'],
    ]);
  });

  it('gives each agreement a verdict and a plain-English summary of what it allows', () => {
    expect(text).toContain('**Blocking problems:** 1 problem must be fixed before this agreement is signed (also 1 warning and 1 point to review). 2 findings were waived.');
    expect(text).toContain('**Clean:** dsalint found no problems.');
    const summary = tree.children.map((n) => toString(n)).find((s) => s.startsWith('What it allows: “Medical examiner'));
    expect(summary).toContain('Example Surgery would send NHS number');
    expect(summary).toContain('to Medical Examiner Office, Example Hospitals NHS Trust, for medical examiner scrutiny of a death');
    expect(summary).toContain('and kept for 10 years from when the case is closed, then securely destroyed.');
    expect(text).toContain('dsalint cannot summarise this agreement until it follows the dsalint format');
  });

  it('gives the location, message, law (linked) and how to fix for each rule', () => {
    const section = text.slice(text.indexOf('#### Errors (1)'), text.indexOf('#### Warnings (1)', text.indexOf('#### Errors (1)')));
    expect(section).toContain('**Line 46, column 21** `flows[0].access.mode`: Flow "icb-live" gives Example Integrated Care Board');
    expect(section).toContain('See also line 30, column 10: The population is every registered patient');
    expect(section).toContain('**Law and guidance:** [UK GDPR Art 5(1)(c)](https://www.legislation.gov.uk/eur/2016/679/article/5); ICO letter to Lincolnshire LMC (not confirmed in a primary source)');
    // The fix is the rule's own Markdown, kept as Markdown.
    expect(section).toContain('**How to fix:** Share only the **named items** each purpose needs, per case.');
    const links: string[] = [];
    visit(tree, 'link', (l: Link) => {
      links.push(l.url);
    });
    expect(links).toContain('https://github.com/dsalint/dsalint/blob/main/rules/whole-system-access.md');
    expect(links).toContain('https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/');
  });

  it('shows the justification of waived findings instead of a fix', () => {
    expect(text).toContain('**Waived:** Agreed by the ICB Caldicott Guardian while the shared care record replaces it; approved by ICB Caldicott Guardian; until 2027-01-31 (waived in .dsalint.yaml line 4)');
    expect(text).toContain('**Waived:** The owner is named in the covering letter; fixed in 0.4; approved by Dr A Example (waived in a comment in the agreement)');
    const waived = text.slice(text.indexOf('#### Waived (2)'), text.indexOf('### `agreements/broken.dsa.yaml`'));
    expect(waived).not.toContain('How to fix');
  });

  it('escapes agreement text so it cannot become Markdown or HTML', () => {
    // The title has < and " in it; the message has <vague> and &.
    expect(text).not.toMatch(/(?<!\\)<pilot>/);
    expect(text).not.toMatch(/(?<!\\)<vague>/);
    let html = 0;
    visit(tree, 'html', (node) => {
      html++;
      expect(node.value).toMatch(/^(<details>\n<summary>[^<]*<\/summary>|<\/details>)$/);
    });
    expect(html).toBeGreaterThan(0);
    expect(toString(tree)).toContain('Use 50% less <vague> wording, & be specific.');
  });

  it('shows hidden characters rather than passing them to the renderer', () => {
    const run = sampleRun();
    const bad = run.files.find((f) => f.path.includes('icb-whole-system'))!;
    const findings = bad.findings.map((f, i) => (i === 0 ? { ...f, message: 'Purpose says care\u202E yna rof', location: { ...f.location, path: 'purposes[0]\u200B' } } : f));
    const out = markdownReport({ ...run, files: [{ ...bad, findings }] });
    expect(toString(parse(out))).toContain('Purpose says care[U+202E] yna rof');
    expect(out).toContain('`purposes[0][U+200B]`');
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
  });

  it('collapses long lists into <details> blocks and says how many are inside', () => {
    const base = sampleRun();
    const bad = base.files.find((f) => f.path.includes('icb-whole-system'))!;
    const warning = bad.findings.find((f) => f.ruleId === 'vague-purpose' && !f.suppression)!;
    const many = Array.from({ length: 7 }, (_, i) => ({ ...warning, message: `Warning number ${i + 1}.`, location: { path: `purposes[${i}]`, range: range(30 + i, 3, 30 + i, 9) } }));
    const run: LintRun = { ...base, files: [{ ...bad, findings: many }] };
    const out = markdownReport(run);
    expect(out).toContain('#### Warnings (7)\n\n<details>\n<summary>Show 7 findings</summary>');
    expect(out).toContain('- **Line 36, column 3** `purposes[6]`: Warning number 7.');
    expect(markdownReport(run, { collapseAfter: 10 })).not.toContain('<details>\n<summary>Show');
  });

  it('can list fewer findings to stay within size limits, saying how many are left out', () => {
    const out = markdownReport(sampleRun(), { maxFindingsPerFile: 1, summaries: false });
    expect(out).toContain('5 more findings are not listed here; run dsalint on this file to see them all.');
    expect(out).not.toContain('What it allows');
  });

  it('says when everything is clean', () => {
    const out = markdownReport(cleanRun());
    expect(out).toContain('**✔ 0 errors, 0 warnings, 0 points to review** in 1 agreement.');
    expect(out).not.toContain('| Agreement');
  });
});
