/**
 * The HTML report for an LMC reviewer or GP: self-contained, escaped, accessible in its
 * structure, and saying the right things. The browser test (html.browser.test.ts) checks
 * how it renders.
 */
import { describe, expect, it } from 'vitest';
import { html } from '../../src/reporters/html.js';
import { cleanRun, sampleRun } from './fixtures/run.js';

const options = { color: false, quiet: false };
const page = html(sampleRun(), options);

function headings(text: string): { level: number; text: string }[] {
  return [...text.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/gs)].map((m) => ({ level: Number(m[1]), text: m[2]!.replace(/<[^>]+>/g, '') }));
}

describe('html report: one self-contained file', () => {
  it('is a complete English (UK) HTML document with a title', () => {
    expect(page.startsWith('<!doctype html><html lang="en-GB"><head><meta charset="utf-8">')).toBe(true);
    expect(page).toContain('<title>Review of data sharing agreements</title>');
  });

  it('loads nothing from anywhere: no scripts, stylesheets, images, frames or fonts', () => {
    expect(page).not.toMatch(/<(script|link|img|iframe|object|embed|video|audio|source)\b/i);
    expect(page).not.toMatch(/\ssrc=/i);
    expect(page).not.toMatch(/url\(|@import/i);
    // The only addresses are links a reader may follow.
    const addresses = [...page.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    const hrefs = new Set([...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1]));
    expect(addresses.length).toBeGreaterThan(0);
    for (const a of addresses) expect(hrefs.has(a), a).toBe(true);
  });

  it('prints on A4, with collapsed parts expanded', () => {
    expect(page).toContain('@media print');
    expect(page).toContain('@page { size: A4;');
    expect(page).toContain('details::details-content { content-visibility: visible;');
  });
});

describe('html report: content', () => {
  it('has one h1, an h2 per file, h3 per section and h4 per finding, never skipping a level', () => {
    const hs = headings(page);
    expect(hs.filter((h) => h.level === 1).map((h) => h.text)).toEqual(['Review of data sharing agreements']);
    expect(hs.filter((h) => h.level === 2).map((h) => h.text)).toEqual([
      'Population health analytics &#x26; "case finding" &#x3C;pilot>',
      'agreements/broken.dsa.yaml',
      'Medical examiner scrutiny of deaths in the community',
      'agreements/not-yet.dsa.md',
      'dsalint configuration',
    ]);
    for (let i = 1; i < hs.length; i++) expect(hs[i]!.level - hs[i - 1]!.level, `${hs[i - 1]!.text} → ${hs[i]!.text}`).toBeLessThanOrEqual(1);
  });

  it('gives each agreement a verdict line', () => {
    expect(page).toContain('<div class="verdict verdict-blocking"><strong>Blocking problems</strong>1 problem must be fixed before this agreement is signed (also 1 warning and 1 point to review). 2 findings were waived.</div>');
    expect(page).toContain('<div class="verdict verdict-clean"><strong>Clean</strong>dsalint found no problems.</div>');
    expect(page).toContain('<div class="verdict verdict-not-checked"><strong>Not checked</strong>');
    expect(page).toContain('<div class="verdict verdict-review"><strong>Points to review</strong>No blocking problems, but 1 warning.</div>');
  });

  it('says what each agreement allows in plain English', () => {
    expect(page).toContain('<h3>What this agreement allows</h3>');
    expect(page).toContain('<li>Example Surgery would send NHS number; name and previous names;');
    expect(page).toContain('dsalint cannot summarise this agreement until it follows the dsalint format');
  });

  it('shows each finding with its law, linked, and how to fix it, rendered from the rule text', () => {
    expect(page).toContain('<h4><span class="tag tag-error">Error</span>Access must be limited to what the purpose needs</h4>');
    expect(page).toContain('<a href="https://www.legislation.gov.uk/eur/2016/679/article/5">UK GDPR Art 5(1)(c)</a>; ICO letter to Lincolnshire LMC (not confirmed in a primary source)');
    expect(page).toContain('<p>Share only the <strong>named items</strong> each purpose needs, per case.</p>');
    expect(page).toContain('<li>See also line 30, column 10: The population is every registered patient</li>');
  });

  it('shows waived findings with the justification, collapsed', () => {
    expect(page).toContain('<details><summary>Show 2 waived findings</summary>');
    expect(page).toContain('<span class="label">Why it was waived: </span>Agreed by the ICB Caldicott Guardian while the shared care record replaces it; approved by ICB Caldicott Guardian; until 2027-01-31 (waived in .dsalint.yaml line 4)');
  });

  it('escapes agreement text: it can never become markup', () => {
    expect(page).not.toContain('<pilot>');
    expect(page).not.toContain('<vague>');
    expect(page).toContain('Use 50% less &#x3C;vague> wording, &#x26; be specific.');
  });

  it('shows hidden characters in agreement text and messages rather than obeying them', () => {
    const run = sampleRun();
    const bad = run.files.find((f) => f.path.includes('icb-whole-system'))!;
    const findings = bad.findings.map((f, i) => (i === 0 ? { ...f, message: 'Purpose says care\u202E yna rof' } : f));
    const out = html({ ...run, files: [{ ...bad, findings, agreement: { ...(bad.agreement as object), title: 'Title\u2066 hidden\u2069' } }] }, options);
    expect(out).toContain('Purpose says care[U+202E] yna rof');
    expect(out).toContain('Title[U+2066] hidden[U+2069]');
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
  });

  it('titles a single-agreement report after the agreement and says when all is well', () => {
    const clean = html(cleanRun(), options);
    expect(clean).toContain('<title>Review of “Medical examiner scrutiny of deaths in the community”</title>');
    expect(clean).toContain('<strong>Overall: </strong>No problems found.');
    expect(clean).not.toContain('<nav');
  });
});
