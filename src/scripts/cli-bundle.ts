/**
 * The published command and API: src/index.ts and everything it imports (except the
 * document readers of `dsalint import`, which are dependencies), in one committed ES module
 * file, bin/dsalint.js, so that installing from git (pre-commit, `npm install github:…`)
 * needs no build and no devDependencies. `npm run generate` rebuilds it;
 * tests/built-cli.test.ts fails while the committed file is stale.
 */
import { build, type BuildOptions } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { FORMATS } from '../reporters/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_BUNDLE_PATH = join(ROOT, 'bin', 'dsalint.js');

/**
 * The package's only runtime dependencies: the document readers behind `dsalint import`, and the
 * Word writer behind `--format review-docx`. Each is loaded only by its command, and large, so
 * installed rather than bundled (bundling docx added 457 KB to bin/dsalint.js and about 20 ms of
 * start-up CPU to every command; measured 2026-12-02).
 */
export const IMPORT_LIBRARIES = ['pdfjs-dist', 'mammoth', '@xmldom/xmldom', 'docx'] as const;

export function cliBundleOptions(): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile: CLI_BUNDLE_PATH,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    charset: 'utf8',
    sourcemap: false,
    logLevel: 'silent',
    // Loaded only by `dsalint import` and the Word letter, and large: installed as dependencies, not bundled.
    external: [...IMPORT_LIBRARIES, ...IMPORT_LIBRARIES.map((name) => `${name}/*`)],
    // Bundled CommonJS dependencies may call require(); give them one in this ES module.
    banner: { js: "import { createRequire as __dsalintCreateRequire } from 'node:module';\nconst require = __dsalintCreateRequire(import.meta.url);" },
  };
}

export const CLI_TYPES_PATH = join(ROOT, 'bin', 'dsalint.d.ts');

/** Top-level declarations of a TypeScript file, each with its doc comment, by name. */
function declarations(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const pattern = /(?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export (?:interface|type) (\w+)[^\n]*(?:\n(?!\n|\/\*\*|export |import )[^\n]*)*/g;
  for (const match of text.matchAll(pattern)) out.set(match[1]!, match[0]);
  return out;
}

/**
 * bin/dsalint.d.ts: the API's types, copied from src/core/types.ts and src/api.ts (the data
 * types need no imports; DocumentFacts, the engine's own, is left out), with the functions
 * declared. tests/api.test.ts checks at compile time that they match the sources.
 */
export async function buildCliTypes(): Promise<string> {
  const types = declarations(await readFile(join(ROOT, 'src', 'core', 'types.ts'), 'utf8'));
  types.delete('DocumentFacts');
  const api = declarations(await readFile(join(ROOT, 'src', 'api.ts'), 'utf8'));
  return [
    '// Types of the dsalint package (bin/dsalint.js), generated from src/core/types.ts and src/api.ts by `npm run generate`. Do not edit.',
    '',
    ...types.values(),
    `export type Format = ${FORMATS.map((f) => `'${f}'`).join(' | ')};`,
    'export declare const FORMATS: readonly Format[];',
    'export type FailOn = Severity | \'never\';',
    ...api.values(),
    '/** Lint files, folders or globs. A bad config rejects with an error naming its file:line:column. */',
    'export declare function lint(paths: string | readonly string[], options?: LintOptions): Promise<LintResult>;',
    '/** A report of a run in one of the CLI\'s formats, byte for byte what `dsalint lint -f <format>` writes. */',
    'export declare function report(run: LintRun, format: Format, options?: { readonly color?: boolean; readonly quiet?: boolean }): string;',
    '',
  ].join('\n');
}

export async function buildCliBundle(): Promise<string> {
  const result = await build({ ...cliBundleOptions(), write: false });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [path, text] of [
    [CLI_BUNDLE_PATH, await buildCliBundle()],
    [CLI_TYPES_PATH, await buildCliTypes()],
  ] as const) {
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === text) {
      process.stdout.write(`${relative(ROOT, path)} is up to date.\n`);
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, { mode: path === CLI_BUNDLE_PATH ? 0o755 : 0o644 });
      process.stdout.write(`Wrote ${relative(ROOT, path)} (${Math.round(Buffer.byteLength(text) / 1024)} KiB).\n`);
    }
  }
}
