/**
 * The contributor path cannot rot: in a copy of the repository, `npm run new-rule` writes a
 * rule and its test and registers it; filling the template's blanks with a tiny rule makes
 * `npm run test:rule` (type check, the rule's tests, examples and metadata) pass. A slow test (a type check and a test run in a child process): `npm run test:fast`
 * leaves it out.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ID = 'purpose-flow-unnamed';

/** Child processes must not think they run inside this vitest worker. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_OPTIONS' && name !== 'TEST'));
}

function tsx(cwd: string, script: string, ...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script, ...args], { cwd, env: childEnv(), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Only what a rule's inner loop needs; node_modules is linked, not copied. */
async function copyOfRepository(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'dsalint-new-rule-'));
  for (const path of ['package.json', 'tsconfig.json', 'vitest.config.ts', 'src', 'rules', 'tests/helpers', 'tests/rule-examples.test.ts', 'tests/rule-meta.test.ts']) {
    await cp(join(root, path), join(copy, path), { recursive: true });
  }
  await mkdir(join(copy, 'tests', 'rules'), { recursive: true });
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** What a contributor types into the blanks: flows must name the purposes they serve. */
function fillRule(template: string): string {
  const texts: Record<string, string> = {
    title: 'Every flow must name the purposes it serves',
    description: 'Reports a flow that lists no purposes.',
    rationale: 'Data may only be shared for a stated purpose (UK GDPR Art 5(1)(b)); a flow with none cannot be checked against any.',
    fix: 'List the purposes the flow serves under its `purposes`.',
    severityReason: 'The flow may be lawful, but nobody can tell from the agreement.',
  };
  let text = template;
  for (const [field, value] of Object.entries(texts)) text = text.replace(new RegExp(`${field}: 'TODO:[^']*'`), `${field}: '${value}'`);
  return text
    .replace("provision: 'TODO: the article, such as Art 5(1)(c)'", "provision: 'Art 5(1)(b) (purpose limitation)'")
    .replace(/text: 'TODO:[^']*'/, 'text: \'Flow "{{flow}}" names no purpose; list the purposes it serves under its `purposes`.\'')
    .replace(/request: 'TODO:[^']*'/, 'request: \'Ask {{drafter}} to say what the data in the flow "{{flow}}" is shared for.\'')
    .replace("tags: ['accountability']", "tags: ['purpose-limitation']")
    .replace("area: 'A'", "area: 'B'")
    .replace("title: 'TODO: an agreement the rule accepts'", "title: 'no flows'")
    .replace("title: 'TODO: an agreement the rule reports'", "title: 'a flow with no purposes'")
    .replace(/ {4}\/\/ TODO: find the problem[\s\S]*?void report;\n/, "    (agreement.flows ?? []).forEach((flow, i) => {\n      if (!flow.purposes?.length) report({ messageId: 'found', data: { flow: flow.id }, at: ['flows', i, 'id'] });\n    });\n");
}

describe('CONTRIBUTING.md', () => {
  it('names only npm scripts that exist, and has the section new-rule points to', async () => {
    const guide = await readFile(join(root, 'CONTRIBUTING.md'), 'utf8');
    const scripts = Object.keys((JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const named = [...guide.matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
    expect(guide).toContain('## Adding a rule');
    expect(await readFile(join(root, 'src', 'scripts', 'new-rule.ts'), 'utf8')).toContain('CONTRIBUTING.md, "Adding a rule"');
  });
});

describe('npm run new-rule', () => {
  it('scaffolds a registered rule whose filled-in blanks pass npm run test:rule', async () => {
    const copy = await copyOfRepository();
    try {
      const created = tsx(copy, 'src/scripts/new-rule.ts', ID);
      expect(created.output).toContain(`Wrote rules/${ID}.ts and tests/rules/${ID}.test.ts, and registered the rule in rules/index.ts.`);
      expect(created.status).toBe(0);
      expect(await readFile(join(copy, 'rules', 'index.ts'), 'utf8')).toContain(`import purposeFlowUnnamed from './${ID}.js';`);
      expect(tsx(copy, 'src/scripts/new-rule.ts', ID).status).toBe(2);

      const ruleFile = join(copy, 'rules', `${ID}.ts`);
      await writeFile(ruleFile, fillRule(await readFile(ruleFile, 'utf8')));
      const testFile = join(copy, 'tests', 'rules', `${ID}.test.ts`);
      await writeFile(testFile, (await readFile(testFile, 'utf8')).replace("'TODO: reports ...'", "'reports a flow with no purposes, at its id'").replace("'TODO: is quiet when ...'", "'is quiet with no flows'"));
      expect(await readFile(ruleFile, 'utf8')).not.toContain('TODO');

      const tested = tsx(copy, 'src/scripts/test-rule.ts', ID);
      expect(tested.output).toContain(`${ID}: the type check, its tests, examples and metadata pass.`);
      expect(tested.output).toContain(`Now run npm run generate: rules/${ID}.md is out of date.`);
      expect(tested.status).toBe(0);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }, 180_000);
});
