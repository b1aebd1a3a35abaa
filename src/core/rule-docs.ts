/**
 * Rule documentation, all derived from each rule's `meta`: the docs page (rules/<id>.md),
 * the SARIF `help`, `dsalint explain` and the README rules table say the same thing
 * because they are the same text.
 */
import { AREAS, IMPORTANCE_BANDS, messageSpec, type AnyRule, type Citation, type ExpectedFinding, type RuleExample } from './rule.js';
import type { RuleSummary } from './types.js';
import type { AcrossExample } from '../across/rule.js';
import { revealHidden } from './summary.js';

export const REPOSITORY_URL = 'https://github.com/dsalint/dsalint';

export function helpUri(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/rules/${ruleId}.md`;
}

/** A citation in words: "UK GDPR Art 5(1)(c)", marked when it is not confirmed. */
export function citationText(c: Citation): string {
  return `${c.instrument}${c.provision ? ` ${c.provision}` : ''}${c.unverified ? ' (not confirmed in a primary source)' : ''}`;
}

function citationMarkdown(c: Citation): string {
  const text = citationText(c);
  return c.url ? `[${text}](${c.url})` : text;
}


function kindWord(rule: AnyRule): string {
  return rule.meta.kind === 'review' ? 'needs review (a judgement for the Caldicott Guardian or DPO)' : 'problem';
}

function optionRows(rule: AnyRule): string[] {
  const properties = (rule.meta.optionsSchema?.['properties'] ?? {}) as Record<string, { type?: string; description?: string; default?: unknown }>;
  return Object.entries(properties).map(
    ([name, schema]) => `| \`${name}\` | ${schema.type ?? ''} | \`${JSON.stringify((rule.meta.defaultOptions as Record<string, unknown>)[name] ?? schema.default)}\` | ${schema.description ?? ''} |`,
  );
}

/** The body shared by the docs page and SARIF `help.markdown`. */
export function ruleHelpMarkdown(rule: AnyRule): string {
  const { meta } = rule;
  const lines: string[] = [];
  lines.push(meta.description, '');
  lines.push(`- **Default severity:** ${meta.severity}. ${meta.severityReason}`);
  lines.push(`- **Kind:** ${kindWord(rule)}`);
  lines.push(`- **Presets:** ${meta.presets.join(', ')}`);
  lines.push(`- **Area:** ${AREAS[meta.area]}`);
  const band = IMPORTANCE_BANDS.find((b) => meta.importance >= b.from && meta.importance <= b.to);
  lines.push(`- **Importance:** ${meta.importance}${band ? ` (${band.name.toLowerCase()})` : ''}; lower numbers are listed first`);
  if (meta.tags.length) lines.push(`- **Tags:** ${meta.tags.join(', ')}`);
  lines.push('', '## Why it matters', '', meta.rationale.trim(), '', '## How to fix', '', meta.fix.trim(), '');
  lines.push('## Messages', '');
  for (const id of Object.keys(meta.messages)) {
    const s = messageSpec(rule, id);
    const tags = [s.severity && s.severity !== meta.severity ? s.severity : undefined, s.kind === 'review' ? 'needs review' : undefined].filter(Boolean);
    lines.push(`- \`${id}\`${tags.length ? ` (${tags.join(', ')})` : ''}: ${s.text}`);
    // What the reviewer's report says instead, to someone who never sees the YAML ({{drafter}} is "the ICB" or "the sender").
    if (s.request) lines.push(`  - In the reviewer's report: ${s.request}`);
  }
  lines.push('');
  const options = optionRows(rule);
  if (options.length) {
    lines.push('## Options', '', '| Option | Type | Default | Meaning |', '| --- | --- | --- | --- |', ...options, '');
  }
  lines.push('## Citations', '', ...meta.citations.map((c) => `- ${citationMarkdown(c)}`), '');
  return lines.join('\n');
}

export function ruleDocMarkdown(rule: AnyRule): string {
  const { meta } = rule;
  const lines: string[] = [
    `# ${rule.id}: ${meta.title}`,
    '',
    `<!-- Generated from rules/${rule.id}.ts by npm run generate. Do not edit. -->`,
    '',
    ruleHelpMarkdown(rule),
    '## Examples',
    '',
  ];
  if (rule.stage === 'across') {
    // Across-agreements examples are several files: each is shown under its name.
    const files = (example: AcrossExample): string[] => Object.entries(example.files).flatMap(([name, text]) => [`\`${name}\`:`, '', fence(text), '']);
    for (const example of rule.meta.estateExamples?.valid ?? []) lines.push(`### Passes: ${example.title}`, '', ...files(example));
    for (const example of rule.meta.estateExamples?.invalid ?? []) {
      lines.push(`### Fails: ${example.title}`, '', ...files(example));
      lines.push(...example.findings.map((f) => `- \`${f.messageId}\` in \`${f.file}\` at ${f.range}`), '');
    }
  } else {
    const protocol = (example: RuleExample): string[] => (example.protocol ? ['Under this overarching protocol, checked with it:', '', fence(example.protocol), '', 'The agreement:', ''] : []);
    for (const example of rule.meta.examples.valid) {
      lines.push(`### Passes: ${example.title}`, '', ...protocol(example), fence(example.agreement, example.markdown), '');
    }
    for (const example of rule.meta.examples.invalid) {
      lines.push(`### Fails: ${example.title}`, '', ...protocol(example), fence(example.agreement, example.markdown), '');
      lines.push(...example.findings.map((f) => `- \`${f.messageId}\` ${whereExpected(f)}`), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Where an example's expected finding is, as its author named it. */
function whereExpected(f: ExpectedFinding): string {
  if ('at' in f) return `at \`${f.at}\`${f.part === 'key' ? ' (its key)' : f.part === 'pair' ? ' (key and value)' : ''}`;
  if ('text' in f) return `on the text \`${f.text}\`${f.occurrence && f.occurrence > 1 ? ` (occurrence ${f.occurrence})` : ''}`;
  return `at ${f.range}`;
}

function fence(text: string, markdown?: boolean): string {
  // Examples of hidden characters must not carry them into the docs (GitHub warns on them).
  const body = revealHidden(text.replace(/\n+$/, ''));
  const ticks = body.includes('```') ? '````' : '```';
  return `${ticks}${markdown ? 'markdown' : 'yaml'}\n${body}\n${ticks}`;
}

/** Plain text for terminals (`dsalint explain`) and SARIF `help.text`. */
export function ruleHelpText(rule: AnyRule): string {
  const { meta } = rule;
  const out: string[] = [
    `${rule.id}: ${meta.title}`,
    '',
    meta.description,
    '',
    `Default severity: ${meta.severity}. ${meta.severityReason}`,
    `Kind: ${kindWord(rule)}`,
    `Presets: ${meta.presets.join(', ')}`,
    '',
    'Why it matters',
    stripMarkdown(meta.rationale.trim()),
    '',
    'How to fix',
    stripMarkdown(meta.fix.trim()),
    '',
    'Citations',
    ...meta.citations.map((c) => `  - ${citationText(c)}${c.url ? `: ${c.url}` : ''}`),
  ];
  const options = Object.entries((meta.optionsSchema?.['properties'] ?? {}) as Record<string, { description?: string }>);
  if (options.length) {
    out.push('', 'Options');
    for (const [name, schema] of options) {
      out.push(`  - ${name} (default ${JSON.stringify((meta.defaultOptions as Record<string, unknown>)[name])}): ${schema.description ?? ''}`);
    }
  }
  out.push('', `More: ${helpUri(rule.id)}`);
  return out.join('\n');
}

function stripMarkdown(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)');
}

export function rulesTableMarkdown(rules: readonly AnyRule[]): string {
  const rows = rules.map((rule) => {
    const presets = rule.meta.presets.includes('recommended') ? 'recommended, strict' : 'strict';
    const kind = rule.meta.kind === 'review' ? ' (review)' : '';
    return `| [\`${rule.id}\`](rules/${rule.id}.md) | ${rule.meta.title} | ${rule.meta.severity}${kind} | ${presets} |`;
  });
  return ['| Rule | What it checks | Default | Presets |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}

/** A rule's rank in every list (`meta.importance`; lower first). */
export function importanceOf(rule: AnyRule): number {
  return rule.meta.importance;
}

export function summariseRule(rule: AnyRule): RuleSummary {
  return {
    id: rule.id,
    importance: importanceOf(rule),
    title: rule.meta.title,
    description: rule.meta.description,
    severity: rule.meta.severity,
    kind: rule.meta.kind ?? 'problem',
    tags: rule.meta.tags,
    presets: rule.meta.presets,
    helpMarkdown: ruleHelpMarkdown(rule),
    helpText: ruleHelpText(rule),
    helpUri: helpUri(rule.id),
    fix: rule.meta.fix.trim(),
    citations: rule.meta.citations.map((c) => ({
      instrument: c.instrument,
      ...(c.provision ? { provision: c.provision } : {}),
      ...(c.url ? { url: c.url } : {}),
      ...(c.unverified ? { unverified: true } : {}),
    })),
  };
}
