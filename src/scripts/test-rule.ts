/**
 * `npm run test:rule -- <id>`: the inner loop for one rule, in seconds rather than the
 * minutes of `npm test`. Type-checks the rule and its test (placeholders, paths and tags
 * are compile-time checks), runs its test file and its documented examples and metadata
 * checks, and reminds you when its docs page or the registry need `npm run generate`
 * (which `npm test` insists on).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleFiles, registryModule } from './rule-registry.js';
import { ruleDocMarkdown } from '../core/rule-docs.js';
import { suggest } from '../core/suggest.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status === 0;
}

/** Type-check the given files and what they import (incrementally), collecting tsc's output. */
async function typecheck(files: readonly string[]): Promise<{ ok: boolean; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'dsalint-test-rule-'));
  const cache = join(root, 'node_modules', '.cache', 'dsalint');
  await mkdir(cache, { recursive: true });
  try {
    // A config of its own, so only the rule, its test and what they import are checked.
    const config = join(dir, 'tsconfig.json');
    const compilerOptions = { noEmit: true, incremental: true, tsBuildInfoFile: join(cache, 'test-rule.tsbuildinfo'), typeRoots: [join(root, 'node_modules', '@types')] };
    await writeFile(config, JSON.stringify({ extends: join(root, 'tsconfig.json'), compilerOptions, files, include: [] }));
    return await new Promise((resolve) => {
      const child = spawn(bin('tsc'), ['-p', config, '--pretty'], { cwd: root });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', (code) => resolve({ ok: code === 0, output }));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(args: readonly string[]): Promise<number> {
  const id = args[0];
  const ids = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
  if (!id || args.length > 1) {
    process.stderr.write('Usage: npm run test:rule -- <rule-id>\n');
    return 2;
  }
  if (!ids.includes(id)) {
    const guess = suggest(id, ids);
    process.stderr.write(`There is no rule ${id}${guess ? `; did you mean ${guess}?` : '.'} (npm run new-rule ${id} starts one.)\n`);
    return 2;
  }
  const testFile = join('tests', 'rules', `${id}.test.ts`);
  const hasTest = existsSync(join(root, testFile));
  const files = [join(root, 'rules', `${id}.ts`), ...(hasTest ? [join(root, testFile)] : [])];

  // The type check and the tests run side by side (two cores is the usual machine).
  const typed = typecheck(files);
  const vitestFiles = [...(hasTest ? [testFile] : []), 'tests/rule-examples.test.ts', 'tests/rule-meta.test.ts'];
  const testsPass = run(bin('vitest'), ['run', ...vitestFiles], { ...process.env, DSALINT_RULE: id });
  const { ok: typesPass, output } = await typed;
  process.stdout.write(typesPass ? `Type check of rules/${id}.ts${hasTest ? ` and ${testFile}` : ''}: no errors.\n` : `Type check failed:\n${output}`);
  if (!testsPass || !typesPass) return 1;

  const rules = await loadRuleFiles(root);
  const rule = rules.find((r) => r.id === id)!;
  const stale = [
    ...((await readFile(join(root, 'rules', 'index.ts'), 'utf8').catch(() => '')) === registryModule(rules) ? [] : ['rules/index.ts']),
    ...((await readFile(join(root, 'rules', `${id}.md`), 'utf8').catch(() => '')) === ruleDocMarkdown(rule) ? [] : [`rules/${id}.md`]),
  ];
  if (!hasTest) {
    process.stdout.write(`\nNo ${testFile} yet: add one (npm run new-rule writes a starting point).\n`);
    return 1;
  }
  process.stdout.write(`\n${id}: the type check, its tests, examples and metadata pass.\n`);
  if (stale.length) process.stdout.write(`Now run npm run generate: ${stale.join(' and ')} ${stale.length > 1 ? 'are' : 'is'} out of date.\n`);
  process.stdout.write('Run npm test before landing.\n');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
