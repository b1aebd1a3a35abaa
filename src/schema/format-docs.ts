/**
 * The README's format reference, generated from the schema (descriptions and enums), so the
 * documentation of every field is the schema's own.
 */
type Schema = Record<string, unknown>;

function resolveRef(root: Schema, node: Schema): Schema {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/$defs/', '');
  return { ...((root['$defs'] as Record<string, Schema>)[name] ?? {}), ...node };
}

function typeText(root: Schema, raw: Schema): string {
  const node = resolveRef(root, raw);
  if (Array.isArray(node['enum'])) {
    const values = (node['enum'] as string[]).map((v) => `\`${v}\``);
    return values.length > 8 ? `one of ${values.length} values: ${values.join(', ')}` : values.join(' \\| ');
  }
  if (node['const'] !== undefined) return `\`${JSON.stringify(node['const'])}\``;
  if (node['type'] === 'array') {
    const items = node['items'] as Schema | undefined;
    if (!items) return 'list';
    const inner = resolveRef(root, items);
    if (inner['type'] === 'object') return `list of ${String(inner['title'] ?? 'entries')}`;
    return `list of ${typeText(root, items)}`;
  }
  if (node['type'] === 'object') return String(node['title'] ?? 'mapping');
  if (node['format'] === 'date') return 'date (YYYY-MM-DD)';
  if (typeof node['x-hint'] === 'string' && String(node['x-hint']).includes('or a month')) return 'date (YYYY-MM-DD), or month (YYYY-MM)';
  if (typeof node['x-hint'] === 'string' && String(node['x-hint']).includes('duration')) return 'ISO 8601 duration';
  return String(node['type'] ?? '');
}

function objectTable(root: Schema, node: Schema, prefix: string, out: string[], seen: Set<string>): void {
  const properties = (node['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set((node['required'] ?? []) as string[]);
  out.push('| Field | Type | Meaning |', '| --- | --- | --- |');
  const nested: [string, Schema][] = [];
  for (const [name, raw] of Object.entries(properties)) {
    const field = resolveRef(root, raw);
    const description = String(raw['description'] ?? field['description'] ?? '').replace(/\|/g, '\\|');
    out.push(`| \`${prefix}${name}\`${required.has(name) ? ' (required)' : ''} | ${typeText(root, raw)} | ${description} |`);
    const child = field['type'] === 'array' ? resolveRef(root, (field['items'] ?? {}) as Schema) : field;
    if (child['type'] === 'object' && child['properties']) nested.push([`${prefix}${name}${field['type'] === 'array' ? '[]' : ''}.`, child]);
  }
  out.push('');
  for (const [childPrefix, child] of nested) {
    const title = String(child['title'] ?? childPrefix);
    if (seen.has(title)) continue;
    seen.add(title);
    out.push(`#### \`${childPrefix.slice(0, -1)}\` (${title})`, '', String(child['description'] ?? ''), '');
    objectTable(root, child, childPrefix, out, seen);
  }
}

export function formatReferenceMarkdown(schema: Schema): string {
  const out: string[] = [];
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  out.push('| Section | Type | Meaning |', '| --- | --- | --- |');
  for (const [name, raw] of Object.entries(properties)) {
    out.push(`| \`${name}\`${required.has(name) ? ' (required)' : ''} | ${typeText(schema, raw)} | ${String(raw['description'] ?? '')} |`);
  }
  out.push('');
  const seen = new Set<string>();
  for (const [name, raw] of Object.entries(properties)) {
    const node = resolveRef(schema, raw);
    const child = node['type'] === 'array' ? resolveRef(schema, (node['items'] ?? {}) as Schema) : node;
    if (child['type'] !== 'object' || !child['properties']) continue;
    seen.add(String(child['title']));
    out.push(`### \`${name}\``, '', String(raw['description'] ?? ''), '');
    objectTable(schema, child, node['type'] === 'array' ? `${name}[].` : `${name}.`, out, seen);
  }
  return out.join('\n');
}
