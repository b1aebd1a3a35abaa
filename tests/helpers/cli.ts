/** Run the CLI in-process against a temporary folder, capturing its output. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const SETPRIV = '/usr/bin/setpriv';
const BUILT_CLI = fileURLToPath(new URL('../../bin/dsalint.js', import.meta.url));
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];
const asRoot = process.getuid?.() === 0;

/**
 * Whether a permission test can run here: as an ordinary user always; as root (as CI runs,
 * reading everything) only when the user nobody can run the built command from this checkout.
 */
export const permissionsTestable = !asRoot || (existsSync(SETPRIV) && spawnSync(SETPRIV, [...NOBODY, process.execPath, BUILT_CLI, '--version']).status === 0);

/**
 * The CLI as an ordinary user: in-process when not root; as root, the built command run as
 * the user nobody (the folder opened to it), so that permissions mean what they say.
 */
export async function runCliAsUser(args: readonly string[], cwd: string): Promise<CliResult> {
  if (!asRoot) return runCli(args, cwd);
  await chmod(cwd, 0o755);
  const result = spawnSync(SETPRIV, [...NOBODY, process.execPath, BUILT_CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
