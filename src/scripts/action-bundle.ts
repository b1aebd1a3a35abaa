/**
 * How the GitHub Action is bundled: src/action/index.ts and everything it imports, in one
 * ES module file at .github/action/index.js, so the Action runs with no npm install.
 * esbuild's output is deterministic for the same sources and esbuild version, so a test
 * rebuilds in memory and compares with the committed file (tests/action.test.ts).
 *
 * The bundle is committed because `uses:` runs the Action straight from the repository. It is
 * not minified, so it diffs well: adding a rule changes a few dozen lines of the bundle
 * rather than rewriting it (minified names shift whenever anything is added), and a
 * reviewer can read what changed. .gitattributes marks it generated so GitHub folds it.
 */
import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE_PATH = join(ROOT, '.github', 'action', 'index.js');

const BANNER = [
  '// The dsalint GitHub Action, bundled from src/action/index.ts by `npm run build:action`.',
  '// Do not edit: change the sources and rebuild. tests/action.test.ts fails when this is stale.',
  // Bundled CommonJS dependencies may call require(); give them one in this ES module.
  "import { createRequire as __dsalintCreateRequire } from 'node:module';",
  'const require = __dsalintCreateRequire(import.meta.url);',
].join('\n');

export function bundleOptions(): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'src', 'action', 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile: BUNDLE_PATH,
    minify: false,
    legalComments: 'eof',
    charset: 'utf8',
    sourcemap: false,
    metafile: false,
    logLevel: 'silent',
    banner: { js: BANNER },
  };
}

/** The bundle as text, built in memory. */
export async function buildActionBundle(): Promise<string> {
  const result = await build({ ...bundleOptions(), write: false });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}
