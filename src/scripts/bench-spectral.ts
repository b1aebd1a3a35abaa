/**
 * The bench's Spectral baseline: Spectral running 4 trivial rules (truthy on 4 keys) over
 * the same files. Spectral is not a dependency of dsalint: the bench installs pinned
 * versions on first use into a cache folder outside the repository, with install scripts
 * off (@stoplight/spectral-core pulls in @scarf/scarf, an install-time telemetry script)
 * and SCARF_ANALYTICS=false besides.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const PACKAGES = ['@stoplight/spectral-core@1.24.1', '@stoplight/spectral-parsers@1.0.5', '@stoplight/spectral-functions@1.11.1'];

/** Where the pinned Spectral is kept, beside the bench's corpora. */
export function spectralFolder(root: string): string {
  return join(root, 'spectral-1.24.1');
}

/** Installs Spectral into the cache folder unless it is there; undefined when ready, else why not. */
export async function installSpectral(folder: string): Promise<string | undefined> {
  const done = join(folder, '.complete');
  if (existsSync(done)) return undefined;
  const result = spawnSync('npm', ['install', '--prefix', folder, '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', ...PACKAGES], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
  });
  if (result.error) return `npm could not be run (${result.error.message})`;
  if (result.status !== 0) return `npm install failed: ${(result.stderr.trim().split('\n').at(-1) ?? '').slice(0, 160)}`;
  await writeFile(done, '');
  return undefined;
}

interface SpectralApi {
  readonly Spectral: new () => { setRuleset(ruleset: unknown): void; run(document: unknown): Promise<unknown[]> };
  readonly Document: new (text: string, parser: unknown, source: string) => unknown;
}

/** A linter over front matter or YAML text: resolves to the number of findings. */
export function spectralLinter(folder: string): (text: string, source: string) => Promise<number> {
  const require = createRequire(join(folder, 'package.json'));
  const { Spectral, Document } = require('@stoplight/spectral-core') as SpectralApi;
  const { Yaml } = require('@stoplight/spectral-parsers') as { Yaml: unknown };
  const { truthy } = require('@stoplight/spectral-functions') as { truthy: unknown };
  const spectral = new Spectral();
  const rules = Object.fromEntries(['dsalint', 'id', 'title', 'parties'].map((field) => [`has-${field}`, { given: '$', severity: 'error', then: { field, function: truthy } }]));
  spectral.setRuleset({ rules });
  return async (text, source) => (await spectral.run(new Document(text, Yaml, source))).length;
}
