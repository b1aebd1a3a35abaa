/** Run the CLI in-process against a temporary folder, capturing its output. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}, stdoutIsTTY = false, stdin?: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    env,
    stdoutIsTTY,
    ...(stdin !== undefined ? { readStdin: async () => new TextEncoder().encode(stdin) } : {}),
  });
  return { code, stdout, stderr };
}

/** A temporary folder holding the given files (path → text or bytes), with its own .git so config discovery stops there. */
export async function tempProject(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dsalint-'));
  await mkdir(join(root, '.git'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}
