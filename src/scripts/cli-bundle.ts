/**
 * The published command and API, committed so that installing from git (pre-commit,
 * `npm install github:…`) needs no build and no devDependencies: src/index.ts and everything
 * it imports (except the document readers of `dsalint import`, which are dependencies) in
 * one file, bin/dsalint-program.cjs, and the small ES module that starts it through a V8
 * code cache, bin/dsalint.js (src/boot/). `npm run generate` rebuilds both;
 * tests/install.test.ts fails while either committed file is stale.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';
import { FORMATS } from '../reporters/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_BUNDLE_PATH = join(ROOT, 'bin', 'dsalint.js');
export const CLI_PROGRAM_PATH = join(ROOT, 'bin', 'dsalint-program.cjs');

/**
 * The package's only runtime dependencies: the document readers behind `dsalint import`, and the
 * Word writer behind `--format review-docx`. Each is loaded only by its command, and large, so
 * installed rather than bundled (bundling docx added 457 KB to bin/dsalint.js and about 20 ms of
 * start-up CPU to every command; measured 2026-12-02).
 */
export const IMPORT_LIBRARIES = ['pdfjs-dist', 'mammoth', '@xmldom/xmldom', 'docx'] as const;

/**
 * Bundled libraries whose modules run on first use rather than at start: the program imports
 * only functions from them, and each import is bundled as a function that runs the library's
 * module on its first call. wrap-ansi loads string-width, whose start-up (an `Intl.Segmenter`
 * and Unicode property regexes) took about 40 ms of every start, while most text the CLI
 * wraps takes wrapping's plain-ASCII path (src/core/wrap.ts) and never calls it. The others
 * draw the HTML and Markdown reports (with property-information's tables of HTML, SVG and
 * ARIA names), which a lint in the terminal never draws.
 */
export const LAZY_LIBRARIES = ['wrap-ansi', 'hastscript', 'hast-util-to-html', 'mdast-util-to-markdown', 'mdast-util-gfm'] as const;

/** Each lazy library's import, bundled as functions that require the library on their first call. */
function lazyLibraries(): Plugin {
  return {
    name: 'lazy-libraries',
    setup(pluginBuild) {
      const names = new Set<string>(LAZY_LIBRARIES);
      // dsalint's own imports only: the libraries' imports of each other run inside the lazy one's first call.
      const ours = (importer: string) => !importer.includes(`${sep}node_modules${sep}`);
      pluginBuild.onResolve({ filter: /^[\w@][\w@/.-]*$/ }, (args) => (names.has(args.path) && args.namespace !== 'lazy-library' && ours(args.importer) ? { path: args.path, namespace: 'lazy-library', pluginData: args.resolveDir } : undefined));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-library' }, async (args) => {
        const real = await pluginBuild.resolve(args.path, { kind: 'import-statement', resolveDir: args.pluginData as string });
        if (real.errors.length) return { errors: real.errors };
        // Only functions can stand in for a module not yet run; importing anything else fails the build.
        const exported = Object.entries((await import(args.path)) as Record<string, unknown>)
          .filter(([, value]) => typeof value === 'function')
          .map(([name]) => name);
        // esbuild bundles a require() of an ES module as an initialiser it calls at that point.
        const lines = [`let loaded;`, `const load = () => (loaded ??= require(${JSON.stringify(real.path)}));`];
        for (const name of exported) {
          lines.push(name === 'default' ? 'export default function (...args) { return load().default(...args); }' : `export function ${name}(...args) { return load().${name}(...args); }`);
        }
        return { contents: `${lines.join('\n')}\n`, loader: 'js', resolveDir: ROOT };
      });
    },
  };
}

export function cliBundleOptions(): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    // One function body (src/boot/code-cache.ts wraps it), so that V8 can cache its compiled code.
    format: 'cjs',
    outfile: CLI_PROGRAM_PATH,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    charset: 'utf8',
    sourcemap: false,
    logLevel: 'silent',
    // The program's own URL is bin/dsalint.js's, which src/boot/code-cache.ts passes in.
    define: { 'import.meta.url': '__dsalintUrl' },
    // Loaded only by `dsalint import` and the Word letter, and large: installed as dependencies, not bundled.
    external: [...IMPORT_LIBRARIES, ...IMPORT_LIBRARIES.map((name) => `${name}/*`)],
    plugins: [lazyLibraries()],
  };
}

/** bin/dsalint.js: src/boot/bin.ts, which starts the program. */
function bootOptions(): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'src', 'boot', 'bin.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile: CLI_BUNDLE_PATH,
    charset: 'utf8',
    sourcemap: false,
    logLevel: 'silent',
    metafile: true,
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

/** The program, bin/dsalint-program.cjs. */
export async function buildCliProgram(): Promise<string> {
  const result = await build({ ...cliBundleOptions(), write: false });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error('esbuild produced no output');
  // Lazy libraries are only lazy if nothing else imports them: check that their modules are not run at start.
  // wrap-ansi, the costliest to start, is imported by dsalint only: its module must run from its lazy wrapper alone.
  const wrapAnsiRuns = file.text.split('init_wrap_ansi()').length - 1;
  if (wrapAnsiRuns !== 1) throw new Error(`wrap-ansi's module is run from ${wrapAnsiRuns} places, so it may run at every start`);
  // The program is a function body, where src/index.ts's `#!` line would be a syntax error.
  return withLibraryImportsFromStarter(file.text.replace(/^#!.*\n/, ''));
}

/**
 * The program's `import()` of each installed library, made through the starter's import
 * function instead (src/boot/code-cache.ts passes it in as `__dsalintImport`). Node ties
 * `import()` to the script that was compiled, and code from a V8 code cache keeps the tie
 * of the run that made the cache, so an `import()` of its own fails there
 * (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, nodejs/node#43663).
 */
function withLibraryImportsFromStarter(program: string): string {
  const isLibrary = (specifier: string) => IMPORT_LIBRARIES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
  const rewritten = program.replace(/\bimport\(("[^"\\]+")\)/g, (call, quoted: string) => (isLibrary(JSON.parse(quoted) as string) ? `__dsalintImport(${quoted})` : call));
  const left = [...rewritten.matchAll(/\bimport\(\s*["'`]/g)].length;
  if (left) throw new Error(`bin/dsalint-program.cjs would keep ${left} import() of its own, which fails under the code cache: import installed libraries only (IMPORT_LIBRARIES)`);
  return rewritten;
}

/** bin/dsalint.js, the program's starter, after checking it exports what src/api.ts does. */
export async function buildCliBundle(): Promise<string> {
  const result = await build({ ...bootOptions(), write: false });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error('esbuild produced no output');
  const exported = Object.values(result.metafile!.outputs)[0]!.exports.sort();
  const api = Object.keys(await import('../api.js')).sort();
  if (exported.join() !== api.join()) throw new Error(`src/boot/bin.ts exports ${exported.join(', ')}; src/api.ts exports ${api.join(', ')}`);
  return file.text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [path, text] of [
    [CLI_BUNDLE_PATH, await buildCliBundle()],
    [CLI_PROGRAM_PATH, await buildCliProgram()],
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
