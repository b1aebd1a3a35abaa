/**
 * `npm run bench`: speed and memory against baselines measured in the same run (never
 * asserted in tests). Each measurement runs in a fresh child process, so its peak memory is
 * its own (worker threads included), and baseline and subject alternate, taking the best of
 * each, so a busy machine slows both alike. It prints every goal of the speed issue:
 *
 *   throughput   full lint of 10,000 agreements (all rules, JSON report, worker threads)
 *                at least 1.6x the single-threaded floor (read + yaml.parse + ajv validate);
 *   Spectral     at least 3x Spectral with 4 trivial rules over the same files
 *                (installed on first use outside the repository: bench-spectral.ts);
 *   reports      every format over 2,000 agreements within 1.5x the JSON report's time;
 *   Action       the Action over 2,000 agreements within 1.5x the CLI;
 *   memory       peak at 10,000 files at most 150 MiB per process;
 *   linear       10,000 files within 10% of 10x the cost of 1,000;
 *   cold start   one file at most 2x a bare `node -e ''`;
 *   lint --base  1,000 agreements with 20 changed no slower than the 20 alone plus reading
 *                their base versions (src/scripts/bench-base.ts);
 *   hostile      every worst input found under the size limit within 5 s and 500 MB
 *                (src/scripts/bench-hostile.ts; `npm run bench -- --only hostile` runs it alone).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { makeCorpus } from './bench-corpus.js';
import type { AcrossInput } from '../across/stage.js';
import { hostileSection } from './bench-hostile.js';
import { benchBase } from './bench-base.js';
import { benchImport } from './bench-import.js';
import { installSpectral, spectralFolder, spectralLinter } from './bench-spectral.js';

const here = fileURLToPath(import.meta.url);
// The published command: the committed bundle.
const cli = join(dirname(here), '..', '..', '..', 'bin', 'dsalint.js');
const AS_OF = '2026-11-01';

interface Measurement {
  readonly files: number;
  readonly seconds: number;
  readonly peakRssMiB: number;
  /** CPU time of the whole process, every thread (user + system), seconds. */
  readonly cpuSeconds: number;
  /** The checks across agreements alone, timed again over the run's records (lint mode). */
  readonly acrossSeconds?: number;
}

/**
 * The across-agreements stage alone: the stage the run is about to run (every across rule on,
 * with its default options), timed over the run's records as the run hands them to it. Median
 * of three; the caller takes the time out of the run's own figures.
 */
async function acrossTimer(): Promise<{ readonly time: (inputs: readonly AcrossInput[]) => void; readonly seconds: () => number }> {
  const { runAcrossStage } = await import('../across/stage.js');
  const { RULES } = await import('../../rules/index.js');
  const rules = RULES.filter((r) => r.stage === 'across').map((rule) => ({ rule, options: rule.meta.defaultOptions as unknown }));
  let median = Number.NaN;
  return {
    time: (inputs) => {
      const atDefaults = inputs.map((input) => ({ ...input, rules, waivers: [], inlineWaivers: [] }));
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        runAcrossStage(atDefaults, RULES);
        times.push((performance.now() - started) / 1000);
      }
      median = times.sort((a, b) => a - b)[1]!;
    },
    seconds: () => median,
  };
}

type Mode = 'floor' | 'spectral' | 'lint' | 'action';

/**
 * Every file of a corpus in name order, read 16 ahead as dsalint reads in-process, so a
 * baseline's I/O is no slower than the linter's. Markdown gives its front matter, read the
 * cheapest way: between the first two fences.
 */
async function* corpusTexts(dir: string): AsyncGenerator<{ path: string; text: string }> {
  const paths: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/\.dsa\.(ya?ml|md)$/.test(entry.name)) paths.push(full);
    }
  };
  await walk(dir);
  const READ_AHEAD = 16;
  const reads: Promise<string>[] = paths.slice(0, READ_AHEAD).map((p) => readFile(p, 'utf8'));
  for (let i = 0; i < paths.length; i++) {
    const text = await reads[i]!;
    if (paths[i + READ_AHEAD]) reads[i + READ_AHEAD] = readFile(paths[i + READ_AHEAD]!, 'utf8');
    yield { path: paths[i]!, text: paths[i]!.endsWith('.md') ? (text.split(/^---$/m)[1] ?? '') : text };
  }
}

function finish(files: number, start: number, extra: { acrossSeconds?: number } = {}): Measurement {
  const cpu = process.cpuUsage();
  return { files, seconds: (performance.now() - start) / 1000, peakRssMiB: process.resourceUsage().maxRSS / 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6, ...extra };
}

/** Runs inside a child process: one mode over one corpus, printing a JSON measurement. */
async function measure(mode: Mode, dir: string, format: string): Promise<Measurement> {
  if (mode === 'spectral') {
    // Spectral alone: nothing of dsalint is loaded.
    const start = performance.now();
    const lint = spectralLinter(format);
    let files = 0;
    for await (const { path, text } of corpusTexts(dir)) {
      await lint(text, path);
      files++;
    }
    return finish(files, start);
  }
  // The CLI entry registers itself as the lint workers' script, as it does when run.
  await import('../cli/main.js');
  const start = performance.now();
  let files = 0;
  if (mode === 'floor') {
    const { parse } = await import('yaml');
    const { SchemaValidator } = await import('../schema/validate.js');
    const { buildAgreementSchema } = await import('../schema/build-schema.js');
    const { validate } = await import('../generated/validate-agreement.js');
    const validator = new SchemaValidator(buildAgreementSchema(), validate);
    for await (const { text } of corpusTexts(dir)) {
      validator.validate(parse(text));
      files++;
    }
  } else if (mode === 'lint') {
    const { executeLint } = await import('../core/lint-command.js');
    const across = format === 'json' ? await acrossTimer() : undefined;
    let timing = 0;
    const onAcrossStage = (inputs: readonly AcrossInput[]): void => {
      const started = performance.now();
      across?.time(inputs);
      timing = (performance.now() - started) / 1000;
    };
    const result = await executeLint({ paths: [dir], cwd: dir, format: format as 'json', failOn: 'error', quiet: false, color: false, asOf: AS_OF, ...(across ? { onAcrossStage } : {}) });
    // As the CLI writes it: a piece at a time.
    await writeFile('/dev/null', result.reportChunks());
    files = result.run.files.length;
    if (across) {
      // The stage timed three more times is single-threaded: out of wall and CPU time alike.
      const measured = finish(files, start);
      return { ...measured, seconds: measured.seconds - timing, cpuSeconds: measured.cpuSeconds - timing, acrossSeconds: across.seconds() };
    }
  } else {
    const { runAction } = await import('../action/main.js');
    const runner = await mkdtemp(join(tmpdir(), 'dsalint-bench-runner-'));
    const env = { INPUT_PATHS: '.', 'INPUT_AS-OF': AS_OF, 'INPUT_SARIF-FILE': join(runner, 'dsalint.sarif'), GITHUB_STEP_SUMMARY: join(runner, 'summary'), GITHUB_OUTPUT: join(runner, 'output') };
    let log = 0;
    await runAction({ env, cwd: dir, stdout: (text) => void (log += text.length) });
    files = Number.NaN;
  }
  return finish(files, start);
}

function run(mode: Mode, dir: string, format = 'json'): Measurement {
  return JSON.parse(execFileSync(process.execPath, [here, '--measure', mode, dir, format], { encoding: 'utf8', maxBuffer: 1 << 26 })) as Measurement;
}

/** Baseline and subject alternately, twice each; the faster of each pair stands. */
function pair(baseline: () => Measurement, subject: () => Measurement): [Measurement, Measurement] {
  const b1 = baseline();
  const s1 = subject();
  const b2 = baseline();
  const s2 = subject();
  const best = (x: Measurement, y: Measurement): Measurement => (x.seconds <= y.seconds ? { ...x, peakRssMiB: Math.max(x.peakRssMiB, y.peakRssMiB) } : { ...y, peakRssMiB: Math.max(x.peakRssMiB, y.peakRssMiB) });
  return [best(b1, b2), best(s1, s2)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Two commands' wall times, interleaved, median of `runs` each. */
function timeCommands(a: string[], b: string[], runs: number): [number, number] {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [args, times] of [
      [a, ta],
      [b, tb],
    ] as const) {
      const start = performance.now();
      spawnSync(process.execPath, args, { stdio: 'ignore' });
      times.push(performance.now() - start);
    }
  }
  return [median(ta), median(tb)];
}

interface Row {
  readonly goal: string;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio: number;
  readonly target: string;
  readonly met: boolean | undefined;
  /** CPU seconds (user + system, all threads) of subject and baseline, where they explain the wall time. */
  readonly cpu?: string;
}

/**
 * What the machine allows: with every core busy, throughput can be at most cores x (the
 * baseline's CPU per file / lint's CPU per file). Below the goal, the goal is out of reach
 * whatever the scheduling: closing it needs linting to cost less CPU, not more parallelism.
 */
function ceilingRow(cores: number, baselineName: string, baseline: Measurement, lint: Measurement, files: number, goal: number): Row {
  const perFile = (m: Measurement): string => ((m.cpuSeconds / files) * 1000).toFixed(2);
  return {
    goal: `  best possible on ${cores} cores: ${cores} x ${baselineName} CPU / lint CPU`,
    measured: ((cores * baseline.cpuSeconds) / lint.cpuSeconds).toFixed(2),
    baseline: `lint ${perFile(lint)} ms CPU per file, ${baselineName} ${perFile(baseline)}`,
    ratio: Number.NaN,
    target: `>= ${goal} to reach the goal`,
    met: undefined,
  };
}

const cpuOf = (subject: Measurement, baseline: Measurement): string => `${subject.cpuSeconds.toFixed(1)} / ${baseline.cpuSeconds.toFixed(1)}`;

async function main(): Promise<void> {
  const modeIndex = process.argv.indexOf('--measure');
  if (modeIndex >= 0) {
    const [mode, dir, format] = process.argv.slice(modeIndex + 1) as [Mode, string, string];
    process.stdout.write(JSON.stringify(await measure(mode, dir, format)));
    return;
  }
  const onlyIndex = process.argv.indexOf('--only');
  if (onlyIndex >= 0 && process.argv[onlyIndex + 1] === 'hostile') {
    // `npm run bench -- --only hostile`: the hostile inputs alone.
    process.stdout.write(await hostileSection(cli, join(tmpdir(), 'dsalint-bench')));
    return;
  }
  if (onlyIndex >= 0) throw new Error(`--only takes "hostile", not ${JSON.stringify(process.argv[onlyIndex + 1] ?? '')}`);
  const scale = Number(process.env['DSALINT_BENCH_SCALE'] ?? '1');
  const counts = { small: Math.round(1000 * scale), medium: Math.round(2000 * scale), large: Math.round(10000 * scale) };
  const root = join(tmpdir(), 'dsalint-bench');
  const corpus = async (count: number): Promise<string> => {
    const dir = join(root, `corpus-${count}`);
    if (!existsSync(join(dir, '.complete'))) {
      await makeCorpus(dir, count);
      await writeFile(join(dir, '.complete'), '');
    }
    return dir;
  };
  const small = await corpus(counts.small);
  const medium = await corpus(counts.medium);
  const large = await corpus(counts.large);
  const rows: Row[] = [];
  const log = (text: string): void => void process.stderr.write(`${text}\n`);

  log(`throughput and memory at ${counts.large} files...`);
  run('floor', large); // warm the file cache
  const [floor, lintLarge] = pair(() => run('floor', large), () => run('lint', large));
  const rate = (m: Measurement, files: number): number => files / m.seconds;
  rows.push({
    goal: `full lint, ${counts.large} agreements, files/s`,
    measured: rate(lintLarge, counts.large).toFixed(0),
    baseline: `${rate(floor, counts.large).toFixed(0)} (floor: read + parse + validate, one thread)`,
    ratio: rate(lintLarge, counts.large) / rate(floor, counts.large),
    target: '>= 1.6',
    met: rate(lintLarge, counts.large) / rate(floor, counts.large) >= 1.6,
    cpu: cpuOf(lintLarge, floor),
  });
  const cores = availableParallelism();
  rows.push(ceilingRow(cores, 'floor', floor, lintLarge, counts.large, 1.6));
  rows.push({ goal: `peak memory, ${counts.large} files, MiB`, measured: lintLarge.peakRssMiB.toFixed(0), baseline: `${floor.peakRssMiB.toFixed(0)} (floor)`, ratio: Number.NaN, target: '<= 150 MiB', met: lintLarge.peakRssMiB <= 150 });

  log(`Spectral, 4 trivial rules, at ${counts.medium} files...`);
  const spectral = spectralFolder(root);
  const notInstalled = await installSpectral(spectral);
  if (notInstalled) {
    rows.push({ goal: `Spectral, 4 trivial rules, ${counts.medium} agreements, files/s`, measured: 'not measured', baseline: `Spectral could not be installed: ${notInstalled}`, ratio: Number.NaN, target: '>= 3', met: undefined });
  } else {
    const [spectralRun, lintMedium] = pair(() => run('spectral', medium, spectral), () => run('lint', medium));
    const ratio = rate(lintMedium, counts.medium) / rate(spectralRun, counts.medium);
    rows.push({ goal: `Spectral, 4 trivial rules, ${counts.medium} agreements, files/s`, measured: rate(lintMedium, counts.medium).toFixed(0), baseline: `${rate(spectralRun, counts.medium).toFixed(0)} (Spectral 1.24.1, truthy on 4 keys, one thread)`, ratio, target: '>= 3', met: ratio >= 3, cpu: cpuOf(lintMedium, spectralRun) });
    rows.push(ceilingRow(cores, 'Spectral', spectralRun, lintMedium, counts.medium, 3));
  }

  log(`linear cost: ${counts.small} files...`);
  const lintSmall = [run('lint', small), run('lint', small)].sort((a, b) => a.seconds - b.seconds)[0]!;
  const linear = lintLarge.seconds / (lintSmall.seconds * (counts.large / counts.small));
  rows.push({ goal: `lint ${counts.large} vs 10 x ${counts.small}, s`, measured: lintLarge.seconds.toFixed(2), baseline: `${(lintSmall.seconds * 10).toFixed(2)} (10 x ${lintSmall.seconds.toFixed(2)})`, ratio: linear, target: '<= 1.10', met: linear <= 1.1, cpu: `${lintLarge.cpuSeconds.toFixed(1)} / ${(lintSmall.cpuSeconds * 10).toFixed(1)}` });
  // Checks across agreements: their share of the lint, and their cost per agreement at both sizes.
  const acrossLarge = lintLarge.acrossSeconds ?? Number.NaN;
  const acrossSmall = lintSmall.acrossSeconds ?? Number.NaN;
  const acrossShare = acrossLarge / (lintLarge.seconds - acrossLarge);
  rows.push({ goal: `checks across agreements, ${counts.large} agreements, s`, measured: acrossLarge.toFixed(3), baseline: `${(lintLarge.seconds - acrossLarge).toFixed(2)} (the rest of lint)`, ratio: acrossShare, target: '<= 0.20', met: acrossShare <= 0.2 });
  const acrossLinear = acrossLarge / (acrossSmall * (counts.large / counts.small));
  rows.push({ goal: `checks across agreements, ${counts.large} vs 10 x ${counts.small}, s`, measured: acrossLarge.toFixed(3), baseline: `${(acrossSmall * 10).toFixed(3)} (10 x ${acrossSmall.toFixed(3)})`, ratio: acrossLinear, target: '<= 1.5 (linear)', met: acrossLinear <= 1.5 });

  log(`report formats at ${counts.medium} files...`);
  for (const format of ['stylish', 'sarif', 'markdown', 'html', 'github', 'junit']) {
    const [json, other] = pair(() => run('lint', medium, 'json'), () => run('lint', medium, format));
    rows.push({ goal: `${format} report, ${counts.medium} agreements, s`, measured: other.seconds.toFixed(2), baseline: `${json.seconds.toFixed(2)} (JSON)`, ratio: other.seconds / json.seconds, target: '<= 1.5', met: other.seconds / json.seconds <= 1.5, cpu: cpuOf(other, json) });
  }

  log(`the Action at ${counts.medium} files...`);
  const [cliRun, action] = pair(() => run('lint', medium, 'stylish'), () => run('action', medium));
  rows.push({ goal: `Action (annotations, summary, SARIF), ${counts.medium} agreements, s`, measured: action.seconds.toFixed(2), baseline: `${cliRun.seconds.toFixed(2)} (CLI, stylish)`, ratio: action.seconds / cliRun.seconds, target: '<= 1.5', met: action.seconds / cliRun.seconds <= 1.5, cpu: cpuOf(action, cliRun) });

  log('lint --base on a repository of 1,000 agreements, 20 changed...');
  const changedOnly = await benchBase(join(root, 'repository-1000'));
  const budget = changedOnly.alone + changedOnly.reads;
  rows.push({
    goal: `lint --base, 1,000 agreements with ${changedOnly.changed} changed, ms`,
    measured: (changedOnly.base * 1000).toFixed(0),
    baseline: `${(budget * 1000).toFixed(0)} (the ${changedOnly.changed} files ${(changedOnly.alone * 1000).toFixed(0)} + base reads ${(changedOnly.reads * 1000).toFixed(0)})`,
    ratio: changedOnly.base / budget,
    target: '<= 1.0',
    met: changedOnly.base <= budget,
  });

  log('cold start...');
  const single = await corpus(1);
  const oneFile = join(single, 'batch-0', (await readdir(join(single, 'batch-0')))[0]!);
  const [bare, cold] = timeCommands(['-e', ''], [cli, 'lint', oneFile, '--as-of', AS_OF], 15);
  rows.push({ goal: 'cold start, one file, ms', measured: cold.toFixed(0), baseline: `${bare.toFixed(0)} (node -e '')`, ratio: cold / bare, target: '<= 2', met: cold / bare <= 2 });

  log('import and lint a 40-page agreement...');
  for (const t of await benchImport(root, cli)) {
    const total = t.importMs + t.lintMs;
    rows.push({ goal: `${t.document}: dsalint import, then lint, ms`, measured: total.toFixed(0), baseline: `${t.importMs.toFixed(0)} + ${t.lintMs.toFixed(0)}`, ratio: Number.NaN, target: '< 2000 ms', met: total < 2000 });
  }

  const cell = (row: Row): string => `| ${row.goal} | ${row.measured} | ${row.baseline} | ${Number.isNaN(row.ratio) ? '' : row.ratio.toFixed(2)} | ${row.target} | ${row.met === undefined ? (row.measured === 'not measured' ? 'not measured' : '') : row.met ? 'met' : 'NOT met'} | ${row.cpu ?? ''} |`;
  process.stdout.write(
    [
      `dsalint bench (node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores)`,
      '',
      '| figure | dsalint | baseline | ratio | goal | | CPU s, dsalint / baseline |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows.map(cell),
      '',
      'Best of two alternating runs each; cold start is the median of 15 interleaved runs. CPU time counts every',
      'thread of the process, so on a shared machine it shows the work done when wall time is inflated by waiting.',
      `Spectral is not a dependency: it is installed with install scripts off into ${spectral}.`,
      '',
    ].join('\n'),
  );
  process.stdout.write(`\n${await hostileSection(cli, root)}`);
}

await main();
