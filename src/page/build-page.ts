/**
 * Builds the offline page (bin/dsalint-page.html, committed beside the CLI bundle so that an
 * install needs no build): the browser bundle of src/page/browser.ts inlined into one HTML
 * file whose Content-Security-Policy allows its own inline script and styles and no
 * connection of any kind. `npm run bundle` (and so `npm run generate`) rebuilds it;
 * tests/page/page.browser.test.ts fails while the committed file is stale. `dsalint page`
 * copies it.
 */
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shims = join(root, 'src', 'page', 'node-shims.ts');
export const PAGE_PATH = join(root, 'bin', 'dsalint-page.html');

/** No request may leave the page: no fetch, no images from elsewhere, no frames, no form posts. */
export const PAGE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'";

const PAGE_STYLE = `
html { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; line-height: 1.45; color: #1d1d1b; }
body { margin: 0; }
.bar { max-width: 50rem; margin: 0 auto; padding: 1rem; }
.bar h1 { font-size: 1.3rem; margin: 0 0 0.5rem; }
#drop { border: 3px dashed #b1b4b6; padding: 1.25rem; text-align: center; background: #f3f2f1; }
#drop:focus-within { outline: 3px solid #ffdd00; }
#status { min-height: 1.5em; margin: 0.5rem 0 0; }
#save { font: inherit; padding: 0.3rem 0.8rem; margin-top: 0.5rem; }
@media print { .bar { display: none; } }
`;

export async function buildPage(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src', 'page', 'browser.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    alias: { 'node:crypto': shims, 'node:fs/promises': shims, 'node:fs': shims, 'node:module': shims, 'node:path': shims },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        // mammoth's browser build opens zips itself from an ArrayBuffer; dsalint hands it parts
        // already read by its bounded reader (src/import/docx.ts), as the Node build accepts.
        name: 'mammoth-ready-parts',
        setup(b) {
          b.onResolve({ filter: /^\.\/unzip(\.js)?$/ }, (args) => (/mammoth[\\/]lib/.test(args.importer) ? { path: join(root, 'src', 'page', 'mammoth-unzip.ts') } : undefined));
        },
      },
    ],
  });
  // The script sits inside <script>: a "</script" in a string would end it early.
  const script = result.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dsalint: check a data sharing agreement</title>
<style>${PAGE_STYLE.trim()}</style>
<style id="report-style"></style>
</head>
<body>
<div class="bar">
<h1>Check a data sharing agreement</h1>
<div id="drop"><p>Drop the agreement here (Word .docx, OpenDocument .odt, text, or a .dsa.yaml / .dsa.md file), or <label>choose it: <input id="file" type="file" accept=".docx,.odt,.txt,.yaml,.yml,.md"></label></p>
<p>Everything happens on this computer: the page cannot send the file anywhere.</p></div>
<p id="status" role="status"></p>
<button id="save" type="button" hidden>Save the report</button>
</div>
<div id="report"></div>
<script>${script}</script>
</body>
</html>
`;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  await mkdir(dirname(PAGE_PATH), { recursive: true });
  await writeFile(PAGE_PATH, await buildPage());
}
