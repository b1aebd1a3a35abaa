/**
 * The reviewer's report printed to A4 by headless Chromium (as tests/reporters/html.browser
 * .test.ts runs it): the first page stands alone (verdict and every request), and one
 * agreement prints on about four pages. Page text is read back with pdf.js.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runCli, tempProject } from '../helpers/cli.js';
import { importDocument } from '../../src/import/index.js';
import { buildDocx } from '../import/documents.js';

const CHROMIUM = process.env['DSALINT_CHROMIUM'] || '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const OUTPUT = fileURLToPath(new URL('../.output/', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function pagesText(pdf: Uint8Array): Promise<string[]> {
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push((content.items as { str?: string }[]).map((item) => item.str ?? '').join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
}

describe.skipIf(!available)('the reviewer report printed', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function print(name: string, html: string): Promise<string[]> {
    const file = `${OUTPUT}${name}.html`;
    writeFileSync(file, html);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(`${OUTPUT}${name}.pdf`, pdf);
    await page.close();
    expect(requests).toEqual([pathToFileURL(file).href]);
    return pagesText(new Uint8Array(pdf));
  }

  it('an imported agreement: verdict and every request on page one, the whole within four pages', async () => {
    const { text } = await importDocument(await buildDocx(), 'proposed.docx');
    const dir = await tempProject({ 'proposed.dsa.md': text });
    const { stdout } = await runCli(['lint', 'proposed.dsa.md', '-f', 'review-html', '--as-of', '2026-11-01'], dir);
    const pages = await print('review-imported', stdout);
    expect(pages.length).toBeLessThanOrEqual(4);
    expect(pages[0]).toContain('Do not sign yet');
    expect(pages[0]).toContain('Clause 3.1, under “3. Access”');
    expect(pages[0]).toContain('patients\' rights');
    expect(pages[0]).not.toContain('For whoever edits the agreement');
    expect(pages[1]).toContain('For whoever edits the agreement');
  }, 60_000);

  it('the whole-system access example (25 points): the verdict and the points that must be fixed on page one, the ICO point first; four pages', async () => {
    const yaml = readFileSync(new URL('../../examples/medical-examiner/whole-system-access.dsa.yaml', import.meta.url), 'utf8');
    const dir = await tempProject({ 'ws.dsa.yaml': yaml });
    const { stdout } = await runCli(['lint', 'ws.dsa.yaml', '-f', 'review-html', '--as-of', '2026-11-01'], dir);
    const pages = await print('review-whole-system', stdout);
    expect(pages.length).toBe(4);
    expect(pages[0]).toContain('Do not sign yet');
    const ico = pages[0]!.indexOf('Ask the sender to limit Riverside Medical Examiner Service\'s access to the relevant records');
    // (pdf.js reads the "fi" ligature as a word of its own: "Must be fi xed".)
    const mustHeading = pages[0]!.search(/Must be ?fi ?xed \(12\)/);
    expect(mustHeading).toBeGreaterThan(pages[0]!.indexOf('What to ask for'));
    expect(ico).toBeGreaterThan(mustHeading);
    // The twelfth and last point that must be fixed is on page one too.
    expect(pages[0]).toContain('Data Security and Protection Toolkit (DSPT) status of Riverside Medical Examiner Service');
    expect(pages.slice(1).join(' ')).toContain('For whoever edits the agreement');
    expect(pages[0]).not.toContain('For whoever edits the agreement');
  }, 60_000);
});
