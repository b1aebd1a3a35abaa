/**
 * The offline page in headless Chromium: it loads with the network off, accepts a dropped Word
 * document, shows the verdict and the first request, and makes no request at all beyond
 * loading itself. Also: `dsalint page` writes it, under 3 MB, never over an existing file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { runCli, tempProject } from '../helpers/cli.js';
import { buildPage, PAGE_CSP, PAGE_PATH } from '../../src/page/build-page.js';
import { buildDocx } from '../import/documents.js';

const CHROMIUM = process.env['DSALINT_CHROMIUM'] || '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let html: string;
beforeAll(async () => {
  html = await buildPage();
}, 120_000);

describe('dsalint page', () => {
  it('is one file under 3 MB whose policy forbids every connection', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(3 * 1024 * 1024);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`);
    expect(PAGE_CSP).toContain("default-src 'none'");
    expect(PAGE_CSP).toContain("connect-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });

  it('is committed as built from the sources (run npm run bundle when this fails)', () => {
    expect(readFileSync(PAGE_PATH, 'utf8') === html, `${PAGE_PATH} is stale; run npm run bundle`).toBe(true);
  });

  it('writes the built page, and never over an existing file', async () => {
    const dir = await tempProject({ 'mine.html': 'mine' });
    const result = await runCli(['page', '-o', 'dsalint.html'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Wrote dsalint\.html \(\d\.\d MB\)\. Open it in a browser and drop an agreement on it; nothing leaves the computer\.\n$/);
    expect(readFileSync(join(dir, 'dsalint.html'), 'utf8')).toContain('<title>dsalint: check a data sharing agreement</title>');
    expect(await runCli(['page', '-o', 'mine.html'], dir)).toEqual({ code: 2, stdout: '', stderr: 'dsalint: mine.html already exists; dsalint does not overwrite files unless you add --force.\n' });
  });
});

describe.skipIf(!available)('the offline page in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ offline: true, acceptDownloads: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('checks a dropped Word document offline and makes no request', async () => {
    const dir = await tempProject({ 'dsalint.html': html });
    const url = pathToFileURL(join(dir, 'dsalint.html')).href;
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(url);
    const docx = Buffer.from(await buildDocx()).toString('base64');
    const dataTransfer = await page.evaluateHandle(([name, b64]) => {
      const bytes = Uint8Array.from(atob(b64!), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name!));
      return dt;
    }, ['proposed.docx', docx]);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer });
    await page.waitForSelector('.verdict strong', { timeout: 30_000 });
    expect(await page.locator('.verdict strong').innerText()).toBe('Do not sign yet');
    expect(await page.locator('ol.requests li').first().innerText()).toBe(
      'Ask the ICB to limit access to the relevant records of each patient the purpose needs, disclosed per request, instead of "full access to the clinical system". (Clause 3.1, under “3. Access”)',
    );
    expect(await page.locator('#status').innerText()).toBe('Checked proposed.docx.');
    const download = page.waitForEvent('download');
    await page.click('#save');
    expect((await download).suggestedFilename()).toBe('proposed-review.html');
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('says plainly when a file cannot be checked', async () => {
    const dir = await tempProject({ 'dsalint.html': html });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(dir, 'dsalint.html')).href);
    await page.setInputFiles('#file', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await page.waitForFunction(() => (document as { getElementById(id: string): { textContent: string } }).getElementById('status').textContent.startsWith('PDFs'));
    expect(await page.locator('#status').innerText()).toBe('PDFs are read by the command line only: run dsalint import on it, then drop the .dsa.md here.');
    await page.close();
  }, 60_000);
});
