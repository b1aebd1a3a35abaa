/**
 * The HTML report in a real browser: headless Chromium from Debian (`apt-get install
 * chromium`; .ci/run installs it), driven by playwright-core. It must render its
 * headings, log no console errors, load nothing from the network, be usable with the
 * keyboard alone, have readable contrast, and print with collapsed parts expanded.
 * Screenshots and a PDF go to tests/.output/ (gitignored) for a person to look at.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { html } from '../../src/reporters/html.js';
import { sampleRun } from './fixtures/run.js';

/** Debian's Chromium by default; DSALINT_CHROMIUM names another Chromium-based browser (GitHub's runners have Chrome). */
// The functions given to page.evaluate run in the browser, but this project is typed for Node.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare function getComputedStyle(element: unknown): { color: string; backgroundColor: string; outlineStyle: string };

const CHROMIUM = process.env['DSALINT_CHROMIUM'] || '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const OUTPUT = fileURLToPath(new URL('../.output/', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe.skipIf(!available)(`html report in Chromium${available ? '' : ` (skipped: ${CHROMIUM} is not installed; apt-get install chromium to run it)`}`, () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    mkdirSync(OUTPUT, { recursive: true });
    const file = `${OUTPUT}report.html`;
    writeFileSync(file, html(sampleRun(), { color: false, quiet: false }));
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the expected headings and title', async () => {
    expect(await page.title()).toBe('Review of data sharing agreements');
    expect(await page.locator('h1').allInnerTexts()).toEqual(['Review of data sharing agreements']);
    expect(await page.locator('h2').allInnerTexts()).toEqual([
      'Population health analytics & "case finding" <pilot>',
      'agreements/broken.dsa.yaml',
      'Medical examiner scrutiny of deaths in the community',
      'agreements/not-yet.dsa.md',
      'dsalint configuration',
    ]);
    expect(await page.locator('.verdict strong').allInnerTexts()).toEqual(['Blocking problems', 'Not checked', 'Clean', 'Blocking problems', 'Points to review']);
    await page.screenshot({ path: `${OUTPUT}html-report-top.png` });
    await page.screenshot({ path: `${OUTPUT}html-report-full.png`, fullPage: true });
  });

  it('logs no console errors and requests nothing but the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('applies its stylesheet under a Content-Security-Policy that blocks scripts and network access', async () => {
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.verdict')).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    // Were text ever to slip past escaping, the policy still stops it running or calling out.
    const report = html(sampleRun(), { color: false, quiet: false });
    const injected = report.replace('</main>', '<script>document.title = "ran"</script><img src="http://192.0.2.1/x.png"><link rel="stylesheet" href="http://192.0.2.1/x.css"></main>');
    const file = `${OUTPUT}report-injected.html`;
    writeFileSync(file, injected);
    const other = await browser.newPage();
    const failed: string[] = [];
    const answered: string[] = [];
    other.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    other.on('response', (r) => answered.push(r.url()));
    await other.goto(pathToFileURL(file).href);
    expect(await other.title()).toBe('Review of data sharing agreements');
    expect(answered.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(failed.sort()).toEqual(['http://192.0.2.1/x.css csp', 'http://192.0.2.1/x.png csp']);
    await other.close();
  });

  it('lets a keyboard alone reach every link and open every collapsed section', async () => {
    const waived = page.locator('details', { hasText: 'Show 2 waived findings' });
    expect(await waived.locator('article').first().isVisible()).toBe(false);
    const focusable = await page.locator('a[href], summary').count();
    expect(focusable).toBeGreaterThan(10);
    const reached = new Set<number>();
    await page.locator('body').focus();
    // Tab through the page; open each collapsed section with Enter when its summary has focus.
    for (let i = 0; i < focusable * 2 && reached.size < focusable; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const el = document.activeElement;
        const all = [...document.querySelectorAll('a[href], summary')];
        const closed = el?.tagName === 'SUMMARY' && !el.parentElement.open;
        return { index: el ? all.indexOf(el) : -1, closed };
      });
      if (state.index >= 0) reached.add(state.index);
      if (state.closed) await page.keyboard.press('Enter');
    }
    expect(reached.size).toBe(focusable);
    expect(await waived.locator('article').first().isVisible()).toBe(true);
    expect(await waived.getAttribute('open')).toBe('');
    await waived.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUTPUT}html-report-waived-open.png` });
  });

  it('shows the keyboard focus clearly', async () => {
    const link = page.locator('main a[href]').first();
    await link.focus();
    const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('has text contrast of at least 4.5:1 (WCAG AA) for every text style it uses', async () => {
    const ratios = await page.evaluate(() => {
      const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: number[]): number => {
        const [r, g, b] = c.map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const background = (el: { parentElement: unknown } | null): string => {
        for (let e = el; e; e = e.parentElement as { parentElement: unknown } | null) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      const selectors = ['body', 'p.meta', '.verdict', '.tag-error', '.tag-warning', '.tag-review', '.tag-info', '.tag-waived', '.where', 'main a[href]', 'code', 'th', 'footer'];
      return selectors.map((sel) => {
        const el = document.querySelector(sel);
        if (!el) return { sel, ratio: 0 };
        const fg = lum(rgb(getComputedStyle(el).color));
        const bg = lum(rgb(background(el)));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        return { sel, ratio: Math.round(ratio * 100) / 100 };
      });
    });
    for (const { sel, ratio } of ratios) expect(ratio, sel).toBeGreaterThanOrEqual(4.5);
  });

  it('prints on A4 with collapsed parts expanded', async () => {
    const fresh = await browser.newPage();
    await fresh.setContent(html(sampleRun(), { color: false, quiet: false }));
    const waived = fresh.locator('details', { hasText: 'Show 2 waived findings' }).locator('article').first();
    expect(await waived.isVisible()).toBe(false);
    await fresh.emulateMedia({ media: 'print' });
    expect(await waived.isVisible()).toBe(true);
    const pdf = await fresh.pdf({ path: `${OUTPUT}html-report.pdf`, format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await fresh.close();
  });
});
