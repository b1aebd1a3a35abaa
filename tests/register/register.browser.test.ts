/**
 * The HTML register in headless Chromium (as tests/reporters/html.browser.test.ts): it
 * renders its table and flow map, the filter and the column sort work, the script runs
 * under the page's own Content Security Policy without a console error, and the page makes
 * no request beyond loading itself.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { registerCommand } from '../../src/register/command.js';

const CHROMIUM = process.env['DSALINT_CHROMIUM'] || '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const OUTPUT = fileURLToPath(new URL('../.output/', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe.skipIf(!available)(`register page in Chromium${available ? '' : ` (skipped: ${CHROMIUM} is not installed)`}`, () => {
  let browser: Browser;
  let page: Page;
  let pageUrl = '';
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    mkdirSync(OUTPUT, { recursive: true });
    const file = `${OUTPUT}register.html`;
    const { text } = await registerCommand({ paths: ['examples'], cwd: root, format: 'html', window: 'P90D', asOf: '2026-11-01' });
    writeFileSync(file, text);
    pageUrl = pathToFileURL(file).href;
    await page.goto(pageUrl);
  }, 60_000);

  afterAll(async () => {
    await page?.screenshot({ path: `${OUTPUT}register.png`, fullPage: true });
    await browser?.close();
  });

  const ids = async (): Promise<string[]> => page.locator('#register tbody tr:not([hidden]) .id').allInnerTexts();

  it('renders the table, the due list and the flow map', async () => {
    expect(await page.title()).toBe('Register of data sharing agreements');
    expect((await ids()).length).toBe(22);
    expect(await page.locator('#due li').allInnerTexts()).toEqual(['14 January 2027: RIV-COR-2026-001 (Records for the coroner\'s investigations) is due for review. examples/coroner/coroner-requests.dsa.yaml']);
    expect(await page.locator('figure svg g.org').count()).toBeGreaterThan(5);
    expect(await page.locator('figure svg g.flow path').count()).toBeGreaterThan(5);
    expect(await page.locator('#shown').innerText()).toBe('22 of 22 agreements shown');
  });

  it('filters the rows as you type', async () => {
    await page.fill('#filter', 'northfield whole record');
    expect(await ids()).toEqual(['NFD-SG-2026-001']);
    expect(await page.locator('#shown').innerText()).toBe('1 of 22 agreements shown');
    await page.fill('#filter', '');
    expect((await ids()).length).toBe(22);
  });

  it('sorts by a column, and back', async () => {
    await page.getByRole('button', { name: 'Agreement', exact: true }).click();
    const ascending = await ids();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(await page.locator('#register th[aria-sort=ascending]').innerText()).toBe('Agreement');
    await page.getByRole('button', { name: 'Agreement', exact: true }).click();
    expect(await ids()).toEqual([...ascending].reverse());
    await page.getByRole('button', { name: 'Errors', exact: true }).click();
    const errors = await page.locator('#register tbody td.num:nth-child(14)').allInnerTexts();
    expect(errors.map(Number)).toEqual([...errors.map(Number)].sort((a, b) => a - b));
  });

  it('runs under its own policy, with no console error and no request beyond the page itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([pageUrl]);
  });
});
