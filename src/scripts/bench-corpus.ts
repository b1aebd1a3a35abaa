/**
 * The bench's corpus: realistic agreements of varied size and quality (good ones, flawed
 * ones, Markdown ones), the same every time for the same count.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { starterAgreement } from '../core/starter.js';

/** A small deterministic PRNG, so every corpus is the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const EXTRA_FLOW = (n: number): string => `
  - id: extra-flow-${n}
    from: surgery
    to: meo
    data: [death-review-summary]
    purposes: [me-scrutiny]
    access: { mode: per_request, trigger: per_case, duration: time_limited, window: P28D, read_only: true, audit_logging: true }
    transfer: { method: secure_file_transfer, encrypted: true }
`;

/** Agreements of realistic size and variety: good ones, flawed ones, Markdown ones. */
function agreementVariant(index: number, next: () => number): { name: string; text: string } {
  let text = starterAgreement('2026-07-01').replace('EXAMPLE-ME-2026-001', `BENCH-${String(index).padStart(5, '0')}`);
  const flows = Math.floor(next() * 6);
  text = text.replace('\nretention:', `${Array.from({ length: flows }, (_, i) => EXTRA_FLOW(i)).join('')}\nretention:`);
  const roll = next();
  if (roll < 0.15) text = text.replace('scope: per_case', 'scope: all_registered');
  else if (roll < 0.25) text = text.replace('mode: per_request', 'mode: live_system_access').replace('duration: time_limited, window: P28D, ', 'duration: standing, ');
  else if (roll < 0.3) text = text.replace('period: P10Y', 'period: indefinite');
  else if (roll < 0.33) text = text.replace('retention:', 'retension:');
  if (next() < 0.1) {
    const body = text.replace(/^# yaml-language-server.*\n/, '');
    return { name: `agreement-${index}.dsa.md`, text: `---\n${body}---\n\n# Agreement ${index}\n\nThe surgery sends a summary of the final illness to the medical examiner office for each death notified to it.\n` };
  }
  return { name: `agreement-${index}.dsa.yaml`, text };
}

export async function makeCorpus(dir: string, count: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const next = random(20261122);
  for (let folder = 0; folder * 500 < count; folder++) {
    const sub = join(dir, `batch-${folder}`);
    await mkdir(sub, { recursive: true });
    for (let i = folder * 500; i < Math.min(count, (folder + 1) * 500); i++) {
      const { name, text } = agreementVariant(i, next);
      await writeFile(join(sub, name), text);
    }
  }
}

