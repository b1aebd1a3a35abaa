/**
 * A fixed-seed round of the mutation fuzzer (src/scripts/fuzz.ts) over the examples: no
 * internal failure, no crash, every finding inside its file, valid JSON and SARIF. The
 * long run is `npm run fuzz` (100,000 inputs).
 */
import { describe, expect, it } from 'vitest';
import { fuzz, mutate, random } from '../../src/scripts/fuzz.js';

describe('mutation fuzzing', () => {
  it('is reproducible: a seed names the same inputs', () => {
    const a = random(7);
    const b = random(7);
    expect(mutate('dsalint: 1\nid: EX-1\ntitle: T\n', a)).toBe(mutate('dsalint: 1\nid: EX-1\ntitle: T\n', b));
  });

  it('finds no internal failure, crash, stray range or invalid report in 800 mutated examples', async () => {
    // The time limit per input is generous here: tests share the machine; npm run fuzz uses 5 s.
    const figures = await fuzz(800, 20261201, 60_000);
    expect(figures.problems.map((p) => `${p.kind} (${p.example}, input ${p.input}): ${p.detail.split('\n')[0]}`)).toEqual([]);
    expect(figures.findings).toBeGreaterThan(800);
  }, 300_000);
});
