/**
 * `dsalint render`: the structured agreement as a document people read and sign, in the
 * section order of a data sharing agreement as NHS England's template lays one out (parties,
 * purpose and legal basis, the data and whose it is, how it flows, security, retention,
 * rights, breaches, DPIA, review and termination, sign-off; see SECTIONS on how far that order
 * is verified). Every field is shown, labelled from the
 * format's own schema and vocabulary, so the text and the checked agreement cannot drift
 * apart; a key no section names is shown under "Other terms" rather than dropped.
 */
import type { BlockContent, List, ListItem, PhrasingContent, Root as MdRoot, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent, Root } from 'hast';
import { buildAgreementSchema } from '../schema/build-schema.js';
import { labelOf, type VocabularyName } from '../vocabulary.js';
import { formatDate, formatDuration, revealHidden } from '../core/summary.js';
import { htmlDocument } from '../reviewer/html-document.js';

type Schema = { [key: string]: unknown; properties?: Record<string, Schema>; items?: Schema; $ref?: string; title?: string; pattern?: string; description?: string };

/**
 * The sections, in order, each with the agreement keys it shows.
 *
 * NOT VERIFIED against the template itself. The primary copies (the NHSX "Template Data Sharing
 * Agreement" of 18 December 2020 and its completion guide, now among NHS England's universal
 * information governance templates on transform.england.nhs.uk) could not be read when this was
 * written, and nothing here is taken from them. A secondary summary of that template (not a
 * primary source) lists its sections as: the parties, with their IG lead and Caldicott Guardian;
 * the purposes and objectives; processors; the data items, each with its justification; the legal
 * basis (UK GDPR and the duty of confidentiality); data subjects' rights, retention and disposal,
 * and how complaints are handled (where the summary breaks off); another secondary report says the
 * completion guide asks for the DPIA's reference. This order differs from that summary in two
 * places: processors follow the data and flows here, and the legal basis is shown with each
 * purpose (where the format keeps it) rather than after the data items. Check it against the
 * template before relying on it, and correct the order (and tests/render) if the template differs.
 */
export const SECTIONS: readonly { readonly title: string; readonly keys: readonly string[] }[] = [
  { title: 'About this agreement', keys: ['id', 'version', 'status', 'kind', 'legal_framework', 'jurisdiction', 'framework', 'dates'] },
  { title: 'The parties', keys: ['parties', 'party_groups'] },
  { title: 'Purpose and legal basis', keys: ['purposes'] },
  { title: 'Whose data is shared', keys: ['population'] },
  { title: 'What data is shared', keys: ['data'] },
  { title: 'How the data is shared', keys: ['flows'] },
  { title: 'Processors, joint controllers and transfers abroad', keys: ['processors', 'joint_controller_arrangement', 'international_transfers'] },
  { title: 'Security', keys: ['security'] },
  { title: 'Retention and disposal', keys: ['retention'] },
  { title: "Patients' rights and transparency", keys: ['transparency'] },
  { title: 'Personal data breaches', keys: ['breach'] },
  { title: 'Data protection impact assessment', keys: ['dpia'] },
  { title: 'Review and termination', keys: ['termination'] },
  { title: 'Sign-off', keys: ['approvals'] },
  { title: 'Version history', keys: ['history'] },
];
/** Keys that are the document's frame, not terms: the format version, the title, the import record. */
const FRAME = new Set(['dsalint', 'title', 'imported']);

let schemaRoot: Schema | undefined;
function schema(): Schema {
  schemaRoot ??= buildAgreementSchema() as Schema;
  return schemaRoot;
}

function resolve(node: Schema | undefined): { node: Schema | undefined; vocabulary?: VocabularyName } {
  const ref = node?.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    const name = ref.slice('#/$defs/'.length);
    return { node: (schema()['$defs'] as Record<string, Schema>)[name], vocabulary: name as VocabularyName };
  }
  return { node };
}

const ACRONYMS: Readonly<Record<string, string>> = { id: 'ID', ods: 'ODS', dspt: 'DSPT', dpia: 'DPIA', dpo: 'DPO', ico: 'ICO', url: 'URL', copi: 'COPI', s251: 's251', nhs: 'NHS' };

/** "legal_framework" → "Legal framework", "ods_code" → "ODS code"; the schema's title where it has one. */
function labelFor(key: string, node: Schema | undefined): string {
  const words = key.split('_').map((w) => ACRONYMS[w] ?? w).join(' ');
  return node && typeof node.title === 'string' && !/^[A-Z][a-z]+[A-Z]/.test(node.title) ? node.title : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

function scalarText(value: unknown, node: Schema | undefined): string {
  const { vocabulary } = resolve(node);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value !== 'string') return String(value);
  if (vocabulary) return labelOf(vocabulary, value);
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(value)) return formatDate(value);
  if (/^P(?:\d|T)/.test(value)) return formatDuration(value);
  return value;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value: revealHidden(value) });
const para = (children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });

/** A value as list items: "Label: value", nested objects and lists indented under their label. */
function fieldItems(data: Record<string, unknown>, node: Schema | undefined, keys?: readonly string[]): ListItem[] {
  const properties = resolve(node).node?.properties ?? {};
  const order = keys ?? [...Object.keys(properties).filter((k) => k in data), ...Object.keys(data).filter((k) => !(k in properties))];
  const items: ListItem[] = [];
  for (const key of order) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    const child = properties[key];
    const label = labelFor(key, resolve(child).node);
    items.push({ type: 'listItem', spread: false, children: valueBlocks(label, value, child) });
  }
  return items;
}

function list(items: ListItem[]): List {
  return { type: 'list', ordered: false, spread: false, children: items };
}

function valueBlocks(label: string, value: unknown, node: Schema | undefined): BlockContent[] {
  const strong: PhrasingContent = { type: 'strong', children: [text(`${label}:`)] };
  if (Array.isArray(value)) {
    const itemNode = resolve(node).node?.items;
    if (value.every((v) => v === null || typeof v !== 'object')) return [para([strong, text(` ${value.map((v) => scalarText(v, itemNode)).join(', ')}`)])];
    return [
      para([strong]),
      list(
        value.map((item, i) => {
          const record = (item ?? {}) as Record<string, unknown>;
          const name = typeof record['name'] === 'string' ? record['name'] : typeof record['id'] === 'string' ? record['id'] : `${i + 1}`;
          return { type: 'listItem', spread: false, children: [para([{ type: 'emphasis', children: [text(name)] }]), list(fieldItems(record, itemNode))] };
        }),
      ),
    ];
  }
  if (value !== null && typeof value === 'object') return [para([strong]), list(fieldItems(value as Record<string, unknown>, node))];
  return [para([strong, text(` ${scalarText(value, node)}`)])];
}

export function renderTree(agreement: Record<string, unknown>): MdRoot {
  const properties = schema().properties ?? {};
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [text(String(agreement['title'] ?? agreement['id'] ?? 'Data sharing agreement'))] }];
  const shown = new Set<string>(FRAME);
  let number = 0;
  const section = (title: string, keys: readonly string[]): void => {
    const present = keys.filter((k) => agreement[k] !== undefined && agreement[k] !== null);
    keys.forEach((k) => shown.add(k));
    if (present.length === 0) return;
    children.push({ type: 'heading', depth: 2, children: [text(`${++number}. ${title}`)] });
    // Plain values and single objects of a section share one list; each item of a list of records gets a heading.
    let pending: ListItem[] = [];
    const flush = (): void => {
      if (pending.length) children.push(list(pending));
      pending = [];
    };
    for (const key of present) {
      const value = agreement[key];
      const node = properties[key];
      if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
        flush();
        value.forEach((item, i) => {
          const record = (item ?? {}) as Record<string, unknown>;
          const name = typeof record['name'] === 'string' ? record['name'] : typeof record['id'] === 'string' ? record['id'] : `${labelFor(key, undefined)} ${i + 1}`;
          children.push({ type: 'heading', depth: 3, children: [text(`${number}.${i + 1} ${name}`)] }, list(fieldItems(record, resolve(node).node?.items)));
        });
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        pending.push(...fieldItems(value as Record<string, unknown>, node));
      } else {
        pending.push({ type: 'listItem', spread: false, children: valueBlocks(labelFor(key, resolve(node).node), value, node) });
      }
    }
    flush();
  };
  for (const s of SECTIONS) section(s.title, s.keys);
  section('Other terms', Object.keys(agreement).filter((k) => !shown.has(k)));
  return { type: 'root', children };
}

export function renderMarkdown(agreement: Record<string, unknown>): string {
  return toMarkdown(renderTree(agreement), { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_' });
}

const STYLE = `html { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; color: #1d1d1b; }
body { max-width: 46rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #b1b4b6; } h3 { font-size: 1.05rem; }
ul { padding-left: 1.25rem; } li > p { margin: 0.2rem 0; }
@media print { @page { size: A4; margin: 18mm; } body { padding: 0; max-width: none; } h2, h3 { break-after: avoid; } }`;

export function renderHtml(agreement: Record<string, unknown>): string {
  const tree = renderTree(agreement);
  const title = String(agreement['title'] ?? 'Data sharing agreement');
  const root = htmlDocument(title, STYLE, (toHast(tree) as Root).children as ElementContent[]);
  return `${toHtml(root)}\n`;
}
