/**
 * The reviewer's report in Markdown (`--format review`) and printable HTML
 * (`--format review-html`). The first printed page stands alone: the verdict and the
 * requests, most important first, each with its clause or field. Then, compactly, for whoever
 * edits the agreement: each point's place, the document's words, rule and message, and the
 * law and guidance once each, with the points resting on them.
 * Markdown is built as mdast and HTML as hast, so every piece of document text is escaped by
 * the libraries; hidden characters are shown, never passed through.
 */
import type { BlockContent, ListItem, PhrasingContent, Root as MdRoot, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { LintRun } from '../core/types.js';
import { htmlDocument } from './html-document.js';
import { formatDate, revealHidden } from '../core/summary.js';
import { codeSpans } from '../reporters/shared.js';
import type { Reporter } from '../reporters/types.js';
import { byWeight, lawOf, pointNumbers, reviewRun, WEIGHT_LABELS, type AgreementReview, type ReviewPoint } from './model.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value: revealHidden(value) });
const phrasing = (value: string): PhrasingContent[] => codeSpans(value).map((p) => (p.code ? { type: 'inlineCode', value: revealHidden(p.value) } : text(p.value)));
const para = (children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });

function pointItemMd(p: ReviewPoint): ListItem {
  return { type: 'listItem', spread: false, children: [para([{ type: 'strong', children: [text(`${WEIGHT_LABELS[p.weight]}.`)] }, text(' '), ...phrasing(p.request), text(' ('), ...phrasing(p.where), text('.)')])] };
}

function agreementMd(review: AgreementReview, asOf: string): RootContent[] {
  const out: RootContent[] = [
    { type: 'heading', depth: 1, children: [text(`Review of “${review.title}”`)] },
    para([text(`${review.importedFrom ? `Imported from ${review.importedFrom}` : `File ${review.file}`}; checked as of ${formatDate(asOf)}.`)]),
    { type: 'heading', depth: 2, children: [text(review.verdict.headline)] },
    para([text(review.verdict.text)]),
  ];
  if (review.points.length) {
    out.push({ type: 'heading', depth: 2, children: [text('What to ask for')] }, { type: 'list', ordered: true, spread: false, children: review.points.map(pointItemMd) });
    out.push({ type: 'heading', depth: 2, children: [text('For whoever edits the agreement')] });
    out.push({
      type: 'list',
      ordered: true,
      spread: false,
      children: review.points.map((p) => ({
        type: 'listItem',
        spread: false,
        children: [
          para([
            { type: 'strong', children: [...phrasing(p.where), text(`, line ${p.line}`)] },
            ...(p.quote ? [text(': “'), text(p.quote), text('”')] : []),
            text('. '),
            { type: 'inlineCode', value: p.ruleId },
            text(` (${p.severity})`),
            ...(p.message !== p.request ? [text(': '), ...phrasing(p.message)] : [text('.')]),
          ]),
        ],
      })),
    });
    out.push({ type: 'heading', depth: 2, children: [text('Law and guidance')] });
    out.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: lawOf(review.points).map((law) => ({
        type: 'listItem',
        spread: false,
        children: [para([text(`${law.label} (${pointNumbers(law.points)}).`)])],
      })),
    });
  }
  if (review.notes.length) out.push(...review.notes.map((n) => para([{ type: 'emphasis', children: [text(n)] }])));
  if (review.waived) out.push(para([text(`${review.waived === 1 ? 'One finding was' : `${review.waived} findings were`} waived by the agreement's authors and is not listed.`)]));
  return out;
}

export const reviewMarkdown: Reporter = (run) => {
  const children = reviewRun(run).flatMap((r, i) => [...(i > 0 ? [{ type: 'thematicBreak' } as RootContent] : []), ...agreementMd(r, run.asOf)]);
  const root: MdRoot = { type: 'root', children: children.length ? children : [para([text('No agreement files were found.')])] };
  return toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_' });
};

const STYLE = `
:root { color-scheme: light; --ink: #1d1d1b; --muted: #4a4a48; --line: #b1b4b6; --tint: #f3f2f1;
  --must: #b1140c; --must-bg: #fbe9e7; --should: #6b4400; --should-bg: #fff4d6; --note: #1d4f91; --note-bg: #e8f0fb; --ok: #005a30; --ok-bg: #e5f4ea; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; line-height: 1.45; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 50rem; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p, ol, ul { margin: 0 0 0.6rem; }
.meta { color: var(--muted); margin: 0 0 0.75rem; }
.verdict { border-left: 8px solid; padding: 0.6rem 0.9rem; margin: 0.5rem 0 1rem; }
.verdict strong { display: block; font-size: 1.3rem; }
.verdict-do-not-sign, .verdict-not-checked { border-color: var(--must); background: var(--must-bg); }
.verdict-ask-first { border-color: var(--should); background: var(--should-bg); }
.verdict-no-objection { border-color: var(--ok); background: var(--ok-bg); }
.requests { padding-left: 1.8rem; }
.requests li { margin-bottom: 0.35rem; }
h3.weight { margin: 0.8rem 0 0.3rem; padding: 0.1rem 0.4rem; font-size: 0.95rem; border-left: 4px solid; }
.weight-must { color: var(--must); background: var(--must-bg); }
.weight-should { color: var(--should); background: var(--should-bg); }
.weight-note { color: var(--note); background: var(--note-bg); }
.where { color: var(--muted); }
blockquote { margin: 0.25rem 0 0.5rem; padding: 0.3rem 0.8rem; border-left: 4px solid var(--line); background: var(--tint); }
.points { padding-left: 1.8rem; }
.points li, .law li { margin-bottom: 0.2rem; }
.points q { font-style: italic; }
.place { font-weight: 600; color: var(--ink); }
.technical { font-size: 0.85rem; color: var(--muted); }
.technical li { margin-bottom: 0.3rem; }
code { font-family: ui-monospace, Consolas, monospace; font-size: 0.9em; background: var(--tint); padding: 0 0.2em; overflow-wrap: anywhere; }
footer { margin-top: 2rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); padding-top: 0.5rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  .details { margin-top: 1rem; }
  .details.new-page { break-before: page; margin-top: 0; }
  .points li, .law li { margin-bottom: 0.1rem; }
  footer { margin-top: 0.8rem; font-size: 8pt; }
  .technical { font-size: 8pt; line-height: 1.25; }
  .details h2 { font-size: 11pt; margin: 0 0 0.3rem; }
  .agreement + .agreement { break-before: page; }
  h2, h3 { break-after: avoid; }
  .verdict, tr, li { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

const hText = (value: string): ElementContent => ({ type: 'text', value: revealHidden(value) });
const hPhrasing = (value: string): ElementContent[] => codeSpans(value).map((p) => (p.code ? h('code', revealHidden(p.value)) : hText(p.value)));

/** About how many requests fit on the first A4 page under the verdict (measured in tests/reviewer/print.browser.test.ts). */
const REQUESTS_ON_PAGE_ONE = 12;

function agreementHtml(review: AgreementReview, asOf: string): Element {
  const first: ElementContent[] = [
    h('h1', [hText(`Review of “${review.title}”`)]),
    h('p.meta', [hText(`${review.importedFrom ? `Imported from ${review.importedFrom}` : `File ${review.file}`}. Checked by dsalint as of ${formatDate(asOf)}.`)]),
    h(`div.verdict.verdict-${review.verdict.kind}`, { role: 'status' }, [h('strong', [hText(review.verdict.headline)]), hText(review.verdict.text)]),
  ];
  if (review.points.length) {
    first.push(h('h2', 'What to ask for'));
    // One heading per weight instead of a label on every point: the list reads as a letter.
    for (const group of byWeight(review.points)) {
      first.push(
        h(`h3.weight.weight-${group.weight}`, `${WEIGHT_LABELS[group.weight]} (${group.points.length})`),
        h(
          'ol.requests',
          { start: group.start },
          group.points.map((p) => h('li', [...hPhrasing(p.request), ' ', h('span.where', [hText('('), ...hPhrasing(p.where), hText(')')])])),
        ),
      );
    }
  }
  // For whoever edits the agreement: one line of place and rule per point (the message only when
  // it says more than the request), then each rule's law once.
  const details: ElementContent[] = review.points.length
    ? [
        h('h2', 'For whoever edits the agreement'),
        h(
          'ol.points.technical',
          review.points.map((p) =>
            h('li', [
              h('span.place', [...hPhrasing(p.where), hText(`, line ${p.line}`)]),
              ...(p.quote ? [hText(': '), h('q', [hText(p.quote)])] : []),
              hText('. '),
              h('code', p.ruleId),
              hText(` (${p.severity})`),
              ...(p.message !== p.request ? [hText(': '), ...hPhrasing(p.message)] : [hText('.')]),
            ]),
          ),
        ),
        h('h2', 'Law and guidance'),
        h(
          'ul.technical.law',
          lawOf(review.points).map((law) => h('li', [law.url ? h('a', { href: law.url }, [hText(law.label)]) : hText(law.label), hText(` (${pointNumbers(law.points)}).`)])),
        ),
      ]
    : [];
  const notes = [
    ...review.notes.map((n) => h('p.technical', [hText(n)])),
    ...(review.waived ? [h('p.technical', [hText(`${review.waived === 1 ? 'One finding was' : `${review.waived} findings were`} waived by the agreement's authors and is not listed.`)])] : []),
  ];
  // The first printed page stands alone: when the requests fit on it, the detail starts a new
  // page; a longer list carries on to page two and the detail follows it there, not a page later.
  const detailsClass = review.points.length <= REQUESTS_ON_PAGE_ONE ? 'div.details.new-page' : 'div.details';
  return h('section.agreement', [h('div.first', first), ...(details.length || notes.length ? [h(detailsClass, [...details, ...notes])] : [])]);
}

export function reviewHtmlTree(run: LintRun): Root {
  const reviews = reviewRun(run);
  const title = reviews.length === 1 ? `Review of “${reviews[0]!.title}”` : 'Review of data sharing agreements';
  return htmlDocument(title, STYLE, [
    h('main', reviews.length ? reviews.map((r) => agreementHtml(r, run.asOf)) : [h('p', 'No agreement files were found.')]),
    h('footer', [
      hText(
        `dsalint ${run.tool.version} checks an agreement against UK data protection law and NHS guidance as written; it does not replace the judgement of your Caldicott Guardian or Data Protection Officer.`,
      ),
    ]),
  ]);
}

export const reviewHtml: Reporter = (run) => `${toHtml(reviewHtmlTree(run))}\n`;
