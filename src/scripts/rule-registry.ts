/**
 * The rule registry (rules/index.ts) is generated from the rule files themselves: every
 * `rules/<id>.ts` is registered, and the list is ordered by each rule's `meta.importance`
 * (then id), which is the order reports and the rules table use. Adding a rule is adding
 * its file and running `npm run generate` (`npm run new-rule` does both).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { byImportance, type AnyRule } from '../core/rule.js';

/** `whole-system-access` → `wholeSystemAccess`. */
function identifierOf(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_whole, c: string) => c.toUpperCase());
}

/** Every rule file in rules/, loaded, in registry order. A file must default-export the rule it is named after. */
export async function loadRuleFiles(root: string): Promise<AnyRule[]> {
  const dir = join(root, 'rules');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort();
  const rules: AnyRule[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: AnyRule };
    const rule = module.default;
    const id = file.replace(/\.ts$/, '');
    if (!rule || rule.id !== id) throw new Error(`rules/${file} must default-export the rule with id "${id}" (it exports ${rule ? `"${rule.id}"` : 'nothing'}).`);
    rules.push(rule);
  }
  return rules.sort(byImportance);
}

export function registryModule(rules: readonly AnyRule[]): string {
  const imports = [...rules].map((r) => r.id).sort().map((id) => `import ${identifierOf(id)} from './${id}.js';`);
  return [
    '/* Generated from the rule files in rules/ by `npm run generate`. Do not edit: add a rule file and regenerate. */',
    '/**',
    ' * The rule registry: every rule in rules/, ordered by importance and then id (each rule\'s',
    ' * `meta.importance`). Reports and the rules table list rules in this order.',
    ' */',
    "import type { AnyRule } from '../src/core/rule.js';",
    ...imports,
    '',
    'export const RULES: readonly AnyRule[] = [',
    ...rules.map((r) => `  ${identifierOf(r.id)},`),
    '];',
    '',
  ].join('\n');
}
