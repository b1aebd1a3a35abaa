/**
 * A seeded mutation fuzzer over the example agreements. Each input is an example with a few
 * random edits of the kinds that break YAML, Markdown and dsalint's own assumptions
 * (unclosed quotes and brackets, stray document markers, aliases and tags, waiver comments,
 * hidden characters, repeated and deleted lines). Each is linted with every rule and
 * reported as JSON, SARIF and stylish text; the fuzzer records any internal failure, crash,
 * invalid report, finding outside its file, or input slower than the time limit.
 *
 * `npm test` runs a short, fixed-seed round (tests/hostile/fuzz.test.ts); `npm run fuzz`
 * runs 100,000 inputs and prints its figures: `npm run fuzz -- [count] [seed]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { RULES } from '../../rules/index.js';
import { lintSource } from '../core/engine.js';
import { sourceFromText } from '../core/source.js';
import { SchemaValidator, type CompiledValidator } from '../schema/validate.js';
import { buildAgreementSchema } from '../schema/build-schema.js';
import { validate as precompiledValidate } from '../generated/validate-agreement.js';
import { emptyRun } from '../core/run.js';
import { REPORTERS } from '../reporters/index.js';
import type { LintRun } from '../core/types.js';
import { byCodeUnits } from '../core/compare.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A small deterministic PRNG (mulberry32), so a seed names the same inputs everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Every example agreement: its name and text. */
export function exampleCorpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => byCodeUnits(a.name, b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.dsa\.(ya?ml|md)$/.test(entry.name)) out.push({ name: path.slice(ROOT.length + 1), text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(ROOT, 'examples'));
  return out;
}

/** Fragments that stress the YAML parser, the Markdown parser and dsalint's own handling. */
const FRAGMENTS = [
  '"', "'", '[', ']', '{', '}', ':', ': ', '- ', '#', '&a ', '*a', '!!js/function ', '!custom ', '|', '>', '\n', '\r\n', '\r', '\t', '  ', '\\',
  '---\n', '...\n', '%YAML 1.2\n', '<<: *a\n', '? ', '`', '``', '<!--', '-->', '<details>', '[a](', '*a _b ', '\u202e', '\u200b', '\ufeff', '\u0085', '\u2028',
  '\ud800', '😀', '@someone ', '::error::x', '##vso[task.setvariable]', '\u001b[31m',
  '# dsalint-disable-next-line schema -- reason\n', '<!-- dsalint-disable-next-line prose-widens-scope -- r -->\n',
  'null', '~', '0x1F', '1e999', '2026-02-30', '9999-12-31', '-1', '.inf', 'P99999Y', 'PT', '"\\u0000"',
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** One to four random edits of `text`. */
export function mutate(text: string, next: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(next() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    const span = Math.floor(next() * 40);
    const lines = out.split('\n');
    const line = Math.floor(next() * lines.length);
    switch (Math.floor(next() * 9)) {
      case 0:
        out = out.slice(0, at) + pick(next, FRAGMENTS) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + span);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at, at + span).repeat(2 + Math.floor(next() * 50)) + out.slice(at + span);
        break;
      case 3:
        out = out.slice(0, at);
        break;
      case 4:
        lines.splice(line, 0, ...Array<string>(1 + Math.floor(next() * 30)).fill(lines[line] ?? ''));
        out = lines.join('\n');
        break;
      case 5:
        lines[line] = ' '.repeat(Math.floor(next() * 8)) + (lines[line] ?? '').trimStart();
        out = lines.join('\n');
        break;
      case 6: {
        const other = Math.floor(next() * lines.length);
        [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
        out = lines.join('\n');
        break;
      }
      case 7:
        out = out.slice(0, at) + pick(next, FRAGMENTS).repeat(1 + Math.floor(next() * 200)) + out.slice(at);
        break;
      default: {
        // Replace a scalar-looking word with a hostile one.
        const word = /[A-Za-z0-9_-]{3,}/g;
        word.lastIndex = at;
        const match = word.exec(out);
        if (match) out = out.slice(0, match.index) + pick(next, FRAGMENTS) + out.slice(match.index + match[0].length);
      }
    }
  }
  return out;
}

export interface FuzzProblem {
  readonly input: number;
  readonly example: string;
  readonly kind: 'internal' | 'crash' | 'invalid-json' | 'invalid-sarif' | 'bad-range' | 'slow';
  readonly detail: string;
  /** The mutated text, so the problem can be reproduced. */
  readonly text: string;
}

export interface FuzzFigures {
  readonly inputs: number;
  readonly seconds: number;
  readonly slowestMs: number;
  readonly findings: number;
  readonly problems: readonly FuzzProblem[];
}

let cachedValidator: SchemaValidator | undefined;
let cachedRun: LintRun | undefined;

/** Check one input: lint it and render the machine-read reports. */
async function check(text: string, name: string): Promise<{ problem?: Omit<FuzzProblem, 'input' | 'example' | 'text'>; findings: number }> {
  cachedValidator ??= new SchemaValidator(buildAgreementSchema(), precompiledValidate as CompiledValidator);
  const source = await sourceFromText(text, name);
  const outcome = lintSource(source, {
    rules: RULES.map((rule) => ({ rule, options: rule.meta.defaultOptions })),
    asOf: '2026-11-01',
    validator: cachedValidator,
    waivers: [],
    registeredRuleIds: new Set(RULES.map((r) => r.id)),
  });
  if (outcome.failure) return { problem: { kind: 'internal', detail: outcome.failure.message }, findings: 0 };
  for (const f of outcome.findings) {
    const r = f.location.range;
    if (r.startOffset < 0 || r.endOffset > source.text.length || r.startOffset > r.endOffset || r.start.line < 1 || r.start.column < 1) {
      return { problem: { kind: 'bad-range', detail: `${f.ruleId} ${f.messageId} ${r.startOffset}-${r.endOffset} of ${source.text.length}` }, findings: 0 };
    }
  }
  cachedRun ??= emptyRun('2026-11-01');
  // Only the rules that found something: the reports stay small, so the fuzzer spends its time linting.
  const found = new Set(outcome.findings.map((f) => f.ruleId));
  const run: LintRun = { ...cachedRun, rules: cachedRun.rules.filter((r) => found.has(r.id)), files: [{ path: name, findings: outcome.findings, notes: outcome.notes }] };
  const options = { color: false, quiet: false };
  try {
    JSON.parse(REPORTERS.json(run, options));
  } catch (error) {
    return { problem: { kind: 'invalid-json', detail: (error as Error).message }, findings: 0 };
  }
  try {
    const sarif = JSON.parse(REPORTERS.sarif(run, options)) as { version?: string; runs?: { results?: { locations?: { physicalLocation?: { region?: { startLine?: number; startColumn?: number } } }[] }[] }[] };
    if (sarif.version !== '2.1.0' || !Array.isArray(sarif.runs?.[0]?.results)) throw new Error('not a SARIF 2.1.0 log with results');
    for (const result of sarif.runs[0]!.results!) {
      const region = result.locations?.[0]?.physicalLocation?.region;
      if (!region || !(region.startLine! >= 1) || !(region.startColumn! >= 1)) throw new Error(`a result without a valid region: ${JSON.stringify(region)}`);
    }
  } catch (error) {
    return { problem: { kind: 'invalid-sarif', detail: (error as Error).message }, findings: 0 };
  }
  REPORTERS.stylish(run, options);
  return { findings: outcome.findings.length };
}

/** Fuzz `count` inputs from `seed`; `slowMs` marks an input as too slow. */
export async function fuzz(count: number, seed: number, slowMs = 5000, onProgress?: (done: number, problems: number, slowestMs: number) => void): Promise<FuzzFigures> {
  const corpus = exampleCorpus();
  const next = random(seed);
  const problems: FuzzProblem[] = [];
  let slowestMs = 0;
  let findings = 0;
  const start = performance.now();
  for (let input = 0; input < count; input++) {
    const example = corpus[Math.floor(next() * corpus.length)]!;
    const text = mutate(example.text, next);
    const began = performance.now();
    try {
      const checked = await check(text, example.name);
      findings += checked.findings;
      if (checked.problem) problems.push({ input, example: example.name, text, ...checked.problem });
    } catch (error) {
      problems.push({ input, example: example.name, text, kind: 'crash', detail: (error as Error)?.stack ?? String(error) });
    }
    const took = performance.now() - began;
    slowestMs = Math.max(slowestMs, took);
    if (took > slowMs) problems.push({ input, example: example.name, text, kind: 'slow', detail: `${Math.round(took)} ms` });
    if (onProgress && (input + 1) % 1000 === 0) onProgress(input + 1, problems.length, slowestMs);
  }
  return { inputs: count, seconds: (performance.now() - start) / 1000, slowestMs, findings, problems };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 20261201);
  const started = performance.now();
  const figures = await fuzz(count, seed, 5000, (done, problems, slowest) =>
    process.stderr.write(`${done} / ${count} inputs, ${problems} problems, slowest ${Math.round(slowest)} ms, ${((performance.now() - started) / 1000).toFixed(0)} s\n`),
  );
  process.stderr.write('\n');
  const byKind = new Map<string, number>();
  for (const p of figures.problems) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
  console.log(`dsalint fuzz: ${figures.inputs} inputs from seed ${seed} in ${figures.seconds.toFixed(1)} s (${(figures.inputs / figures.seconds).toFixed(0)} a second)`);
  console.log(`  slowest input: ${Math.round(figures.slowestMs)} ms; findings: ${figures.findings}; peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  console.log(`  problems: ${figures.problems.length}${byKind.size ? ` (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
  for (const p of figures.problems.slice(0, 20)) console.log(`  - input ${p.input} (${p.example}): ${p.kind}: ${p.detail.split('\n')[0]}\n    ${JSON.stringify(p.text.slice(0, 300))}`);
  process.exitCode = figures.problems.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
