/**
 * `npm run bench`: speed and memory, measured (never asserted in tests).
 *
 * Generates corpora of realistic agreements (1,000 and 10,000 files), then, each in a fresh
 * process so peak memory is its own:
 *   floor   read + yaml.parse + ajv validate, nothing else: the least any linter must do;
 *   lint    the full dsalint run (every rule, waivers, fingerprints) plus the JSON report;
 * and single-file cold start of the CLI against `node -e ''`.
 * Targets: lint throughput at least 70% of the floor's; cold start within 3x of bare node.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { makeCorpus } from './bench-corpus.js';

const here = fileURLToPath(import.meta.url);
// The published command: the esbuild bundle `npm run build` writes.
const cli = join(dirname(here), '..', '..', 'bin', 'dsalint.js');

interface Measurement {
  readonly files: number;
  readonly seconds: number;
  readonly peakRssMiB: number;
}

/** Runs inside a child process: one mode over one corpus, printing a JSON measurement. */
async function measure(mode: 'floor' | 'lint', dir: string): Promise<Measurement> {
  const start = performance.now();
  let files = 0;
  if (mode === 'floor') {
    const { parse } = await import('yaml');
    const { SchemaValidator } = await import('../schema/validate.js');
    const { buildAgreementSchema } = await import('../schema/build-schema.js');
    const { validate } = await import('../generated/validate-agreement.js');
    const validator = new SchemaValidator(buildAgreementSchema(), validate);
    const paths: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = join(d, entry.name);
        if (entry.isDirectory()) await walk(full);
        else paths.push(full);
      }
    };
    await walk(dir);
    // The same read-ahead dsalint uses, so the floor's I/O is no slower than the linter's.
    const READ_AHEAD = 16;
    const reads: Promise<string>[] = paths.slice(0, READ_AHEAD).map((p) => readFile(p, 'utf8'));
    for (let i = 0; i < paths.length; i++) {
      let text = await reads[i]!;
      if (paths[i + READ_AHEAD]) reads[i + READ_AHEAD] = readFile(paths[i + READ_AHEAD]!, 'utf8');
      // The floor reads front matter the cheapest way: between the first two fences.
      if (paths[i]!.endsWith('.md')) text = text.split(/^---$/m)[1] ?? '';
      validator.validate(parse(text));
      files++;
    }
  } else {
    const { executeLint } = await import('../core/lint-command.js');
    const result = await executeLint({ paths: [dir], cwd: dir, format: 'json', failOn: 'error', quiet: false, color: false, asOf: '2026-11-01' });
    files = result.run.files.length;
  }
  const seconds = (performance.now() - start) / 1000;
  return { files, seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeCommand(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  return median(times);
}

async function main(): Promise<void> {
  const modeIndex = process.argv.indexOf('--measure');
  if (modeIndex >= 0) {
    const mode = process.argv[modeIndex + 1] as 'floor' | 'lint';
    const dir = process.argv[modeIndex + 2]!;
    process.stdout.write(JSON.stringify(await measure(mode, dir)));
    return;
  }
  const root = join(tmpdir(), 'dsalint-bench');
  const rows: string[] = [];
  for (const count of [1000, 10000]) {
    const dir = join(root, `corpus-${count}`);
    await makeCorpus(dir, count);
    const run = (mode: string): Measurement => JSON.parse(execFileSync(process.execPath, [here, '--measure', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 26 })) as Measurement;
    // Warm the file cache so neither mode pays for the first read.
    run('floor');
    const floor = run('floor');
    const lint = run('lint');
    const floorRate = floor.files / floor.seconds;
    const lintRate = lint.files / lint.seconds;
    rows.push(
      `| ${count} | ${floorRate.toFixed(0)} files/s, ${floor.peakRssMiB.toFixed(0)} MiB | ${lintRate.toFixed(0)} files/s, ${lint.peakRssMiB.toFixed(0)} MiB | ${((lintRate / floorRate) * 100).toFixed(0)}% (target 70%) |`,
    );
  }
  const single = join(root, 'single');
  await makeCorpus(single, 1);
  const oneFile = join(single, 'batch-0', (await readdir(join(single, 'batch-0')))[0]!);
  const bare = timeCommand(['-e', ''], 15);
  const cold = timeCommand([cli, 'lint', oneFile, '--as-of', '2026-11-01'], 15);
  process.stdout.write(
    [
      `dsalint bench (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
      '',
      '| corpus | floor: read + yaml.parse + ajv | dsalint lint (all rules + JSON report) | lint / floor |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
      `Cold start, one file: dsalint lint ${cold.toFixed(0)} ms; node -e '' ${bare.toFixed(0)} ms; ratio ${(cold / bare).toFixed(2)}x (target 3x). Median of 15 runs.`,
      '',
    ].join('\n'),
  );
}

await main();
