/** Run the GitHub Action in-process as a runner would: inputs in INPUT_* variables, summary and outputs in files. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/action/main.js';

export interface Runner {
  readonly code: number;
  readonly stdout: string;
  readonly summary: string;
  readonly outputs: Record<string, string>;
  readonly dir: string;
}

/** Parse GITHUB_OUTPUT written in the `name<<delimiter` format. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/** Simulate the runner: temp files for the summary and outputs, inputs in the environment. */
export async function simulateAction(dir: string, inputs: Record<string, string>, summaryBefore = ''): Promise<Runner> {
  const runnerTemp = await mkdtemp(join(tmpdir(), 'dsalint-runner-'));
  const summaryFile = join(runnerTemp, 'step_summary');
  const outputFile = join(runnerTemp, 'output');
  await writeFile(summaryFile, summaryBefore);
  await writeFile(outputFile, '');
  const env: Record<string, string> = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  let stdout = '';
  const code = await runAction({ env, cwd: dir, stdout: (t) => (stdout += t) });
  return { code, stdout, summary: await readFile(summaryFile, 'utf8'), outputs: parseOutputs(await readFile(outputFile, 'utf8')), dir };
}
