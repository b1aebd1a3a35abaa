/**
 * The register in Markdown, for the GitHub Actions job summary: a table of the agreements,
 * what falls due soon, and the flow map as a Mermaid diagram (GitHub draws it). Built as an
 * mdast tree and serialised by mdast-util-to-markdown, so escaping is the library's.
 */
import type { Root, RootContent, TableRow, PhrasingContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { formatDate, revealHidden } from '../core/summary.js';
import { plural } from '../reporters/shared.js';
import { flowMapMermaid } from './flowmap.js';
import type { Register } from './register.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value: revealHidden(value) });
const row = (cells: readonly string[]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: [text(c)] })) });

export interface RegisterMarkdownOptions {
  /** List at most this many agreements (the rest are counted), for GitHub's size limits. */
  readonly maxRows?: number;
}

export function registerMarkdown(register: Register, options: RegisterMarkdownOptions = {}): string {
  const max = options.maxRows ?? Number.POSITIVE_INFINITY;
  const shown = register.rows.slice(0, max);
  const children: RootContent[] = [
    { type: 'heading', depth: 2, children: [text('Register of agreements')] },
    { type: 'paragraph', children: [text(`${plural(register.rows.length, 'agreement')}, as of ${formatDate(register.asOf)}.`)] },
    {
      type: 'table',
      align: ['left', 'left', 'left', 'left', 'left', 'right'],
      children: [
        row(['Agreement', 'Title', 'Status', 'Recipients', 'Review by / expires', 'Open errors']),
        ...shown.map((r) => row([r.id, r.title, r.status || 'not stated', r.recipients.join('; '), [r.reviewBy, r.expires].filter(Boolean).join(' / '), String(r.open.error)])),
      ],
    },
  ];
  if (shown.length < register.rows.length) children.push({ type: 'paragraph', children: [text(`… and ${plural(register.rows.length - shown.length, 'more agreement')}; the register file has them all.`)] });
  if (register.due.length) {
    children.push(
      { type: 'heading', depth: 3, children: [text('Coming up')] },
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: register.due.map((d) => ({
          type: 'listItem',
          spread: false,
          children: [{ type: 'paragraph', children: [text(`${formatDate(d.date)}: ${d.id} ${d.what === 'expires' ? 'expires' : 'is due for review'}.`)] }],
        })),
      },
    );
  }
  if (register.flows.length) {
    children.push(
      { type: 'heading', depth: 3, children: [text('Flow map')] },
      { type: 'paragraph', children: [text('Who sends data to whom, under the agreements in force.')] },
      { type: 'code', lang: 'mermaid', value: flowMapMermaid(register) },
    );
  }
  const tree: Root = { type: 'root', children };
  return toMarkdown(tree, { extensions: [gfmToMarkdown()] });
}
