/**
 * `dsalint approve`: add an approval that records the content digest. The yaml Document API
 * finds where the `approvals` list ends; the new entry is spliced into the text there, in the
 * style of the entries before it, so every other byte of the file (comments, quoting, layout,
 * the Markdown body) is kept exactly.
 */
import { isMap, isSeq, type YAMLSeq } from 'yaml';
import { parseYaml } from './parse.js';
import { contentDigest } from './digest.js';
import type { AgreementSource } from './source.js';
import { SIGNOFF_ROLES } from '../vocabulary.js';

export interface ApprovalRequest {
  readonly party: string;
  readonly role: string;
  readonly name: string;
  readonly date: string;
  /** Defaults to the agreement's version, when it has one. */
  readonly version?: string;
}

export class ApproveError extends Error {}

export interface ApproveResult {
  /** The whole file with the approval added. */
  readonly text: string;
  /** The entry as added, for showing before writing. */
  readonly entry: string;
  readonly digest: string;
  /** 1-based line of the new entry in the file. */
  readonly line: number;
}

function newline(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Double-quoted YAML (JSON strings are valid YAML), so no value can be misread as a number, a date or a list. */
const quote = (value: string): string => JSON.stringify(value);

export function addApproval(source: AgreementSource, request: ApprovalRequest): ApproveResult {
  const parsed = parseYaml(source.yamlText);
  const error = parsed.errors[0];
  if (error || parsed.data === undefined) {
    const at = source.locator.position(source.yamlOffset + (error?.pos[0] ?? 0));
    throw new ApproveError(`${source.path}:${at.line}:${at.column}: the agreement is not valid YAML, so it cannot be approved; fix it first (dsalint lint ${source.path}).`);
  }
  const data = parsed.data as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ApproveError(`${source.path}:1:1: this is not an agreement (not a mapping of keys to values).`);
  if (!SIGNOFF_ROLES.some((r) => r.value === request.role)) {
    throw new ApproveError(`--role "${request.role}" is not a sign-off role; use one of ${SIGNOFF_ROLES.map((r) => r.value).join(', ')}.`);
  }
  const partyIds = Array.isArray(data['parties']) ? (data['parties'] as unknown[]).flatMap((p) => (isRecord(p) && typeof p['id'] === 'string' ? [p['id']] : [])) : [];
  if (!partyIds.includes(request.party)) {
    throw new ApproveError(`--party "${request.party}" is not a party of ${source.path}; the parties are ${partyIds.length ? partyIds.join(', ') : '(none)'}.`);
  }
  const version = request.version ?? (data['version'] !== undefined ? String(data['version']) : undefined);
  const digest = contentDigest(data);
  const fields: [string, string][] = [
    ['party', quote(request.party)],
    ['role', request.role],
    ['name', quote(request.name)],
    ['date', request.date],
    ...(version !== undefined ? ([['version', quote(version)]] as [string, string][]) : []),
    ['digest', quote(digest)],
  ];

  const yaml = source.yamlText;
  const eol = newline(source.text);
  const approvals = parsed.document.get('approvals', true);
  let insertAt: number;
  let lines: string[];
  if (isSeq(approvals) && !approvals.flow && approvals.items.length > 0) {
    const seq = approvals as YAMLSeq;
    const last = seq.items.at(-1);
    const firstItem = seq.items[0] as { range?: [number, number, number] } | undefined;
    const itemStart = firstItem?.range?.[0] ?? 0;
    const lineStart = yaml.lastIndexOf('\n', itemStart - 1) + 1;
    const dash = yaml.lastIndexOf('-', itemStart);
    const indent = ' '.repeat(Math.max(0, dash - lineStart));
    const end = seq.range?.[1] ?? yaml.length;
    // After the line holding the end of the list's last value.
    const lineEnd = yaml.indexOf('\n', Math.max(end - 1, 0));
    insertAt = lineEnd < 0 ? yaml.length : lineEnd + 1;
    const flow = isMap(last) && last.flow;
    lines = flow
      ? [`${indent}- { ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }`]
      : fields.map(([k, v], i) => `${indent}${i === 0 ? '- ' : '  '}${k}: ${v}`);
  } else if (approvals === undefined) {
    insertAt = yaml.length;
    lines = ['approvals:', ...fields.map(([k, v], i) => `  ${i === 0 ? '- ' : '  '}${k}: ${v}`)];
  } else {
    throw new ApproveError(
      `${source.path}: \`approvals\` is not written as a list of entries on their own lines, so dsalint will not rewrite it; add this entry by hand: { ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }`,
    );
  }
  const before = yaml.slice(0, insertAt);
  const lead = before === '' || before.endsWith('\n') ? '' : eol;
  // At the very end of YAML with no final line break (a Markdown front matter), the fence line's own break follows.
  const trail = insertAt === yaml.length && !yaml.endsWith('\n') ? '' : eol;
  const block = `${lead}${lines.join(eol)}${trail}`;
  const newYaml = `${before}${block}${yaml.slice(insertAt)}`;
  const text = `${source.text.slice(0, source.yamlOffset)}${newYaml}${source.text.slice(source.yamlOffset + yaml.length)}`;
  const line = source.text.slice(0, source.yamlOffset + insertAt + lead.length).split('\n').length;

  // The approval must read back as written, and not change what the agreement says.
  const check = parseYaml(newYaml);
  const after = check.data as Record<string, unknown> | undefined;
  const added = Array.isArray(after?.['approvals']) ? (after!['approvals'] as unknown[]).at(-1) : undefined;
  if (check.errors.length > 0 || !isRecord(added) || added['digest'] !== digest || contentDigest(after) !== digest) {
    throw new ApproveError(`${source.path}: dsalint could not add the approval without changing the rest of the file; add it by hand: { ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
  }
  return { text, entry: lines.join('\n'), digest, line };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
