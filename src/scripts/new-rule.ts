/**
 * `npm run new-rule <id>`: start a rule. Writes rules/<id>.ts and tests/rules/<id>.test.ts
 * from the template (every blank marked TODO) and registers the rule by regenerating
 * rules/index.ts. Then fill the blanks, `npm run test:rule -- <id>` until green, and
 * `npm run generate` for its docs page.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleTemplate, testTemplate } from './rule-template.js';
import { loadRuleFiles, registryModule } from './rule-registry.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function main(args: readonly string[]): Promise<number> {
  const id = args[0];
  if (!id || args.length > 1 || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) {
    process.stderr.write('Usage: npm run new-rule <rule-id>\nThe id is kebab-case and says what is wrong, such as purpose-without-owner.\n');
    return 2;
  }
  const ruleFile = join(root, 'rules', `${id}.ts`);
  const testFile = join(root, 'tests', 'rules', `${id}.test.ts`);
  for (const file of [ruleFile, testFile]) {
    if (await exists(file)) {
      process.stderr.write(`${file.slice(root.length + 1)} already exists; choose another id.\n`);
      return 2;
    }
  }
  await writeFile(ruleFile, ruleTemplate(id));
  await mkdir(dirname(testFile), { recursive: true });
  await writeFile(testFile, testTemplate(id));
  await writeFile(join(root, 'rules', 'index.ts'), registryModule(await loadRuleFiles(root)));
  process.stdout.write(
    [
      `Wrote rules/${id}.ts and tests/rules/${id}.test.ts, and registered the rule in rules/index.ts.`,
      'Next (CONTRIBUTING.md, "Adding a rule"):',
      `  1. Fill every TODO in rules/${id}.ts: texts, area, importance, tags, presets, citations, messages, examples, check.`,
      `  2. Write the cases in tests/rules/${id}.test.ts.`,
      `  3. npm run test:rule -- ${id}     (type check + this rule's tests, a few seconds)`,
      `  4. npm run generate              (its docs page rules/${id}.md and the README table)`,
      '  5. npm test',
      '',
    ].join('\n'),
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
