/**
 * A self-contained HTML report for an LMC reviewer or a GP deciding whether to sign: per
 * agreement a verdict, what the agreement allows in plain English, then the findings with
 * the law behind them and how to fix them, and waived findings with their justification.
 *
 * One file: inline CSS, no scripts, no external assets, so it works offline and can be
 * emailed. Prints on A4. Accessible: one h1, h2 per agreement, h3 per section, h4 per
 * finding; lang="en-GB"; colours meet WCAG AA contrast and are never the only signal;
 * collapsed parts use <details>/<summary>, which keyboards and screen readers operate.
 *
 * Built as a hast tree with hastscript and serialised by hast-util-to-html, so every piece
 * of agreement text is escaped by the library, never by hand.
 */
import type { Element, ElementContent, Root } from 'hast';
import { createHash } from 'node:crypto';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import type { Agreement } from '../generated/agreement.js';
import type { FileResult, Finding, LintRun, RuleSummary } from '../core/types.js';
import { countFindings } from '../core/counts.js';
import { formatDate, revealHidden, summariseAgreement } from '../core/summary.js';
import { visit } from 'unist-util-visit';
import type { Reporter } from './types.js';
import {
  GROUP_EXPLANATIONS,
  GROUP_LABELS,
  GROUP_TITLES,
  GROUPS,
  citationLabel,
  groupFindings,
  filesForPeople,
  agreementFiles,
  parsedOnce,
  isConfigFile,
  plural,
  ruleMap,
  verdictFor,
  waiverText,
  type Group,
  codeSpans,
  relatedPlace,
} from './shared.js';
import { renderedSection, rulesOnlyRun } from './sections.js';

const STYLE = `
:root { color-scheme: light; --ink: #1d1d1b; --muted: #4a4a48; --line: #b1b4b6; --paper: #ffffff; --tint: #f3f2f1;
  --error: #b1140c; --error-bg: #fbe9e7; --warning: #6b4400; --warning-bg: #fff4d6; --review: #5a2d82; --review-bg: #f1eafa;
  --info: #1d4f91; --info-bg: #e8f0fb; --ok: #005a30; --ok-bg: #e5f4ea; --link: #1d4f91; --focus: #ffdd00; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; font-size: 100%; line-height: 1.5; color: var(--ink); background: var(--paper); }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.5rem; }
h2 { font-size: 1.4rem; line-height: 1.25; margin: 2.5rem 0 0.25rem; padding-top: 1rem; border-top: 4px solid var(--ink); }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 0 0 0.25rem; }
p, ul, ol { margin: 0 0 0.75rem; }
a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: 2px; }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 4px 0 var(--ink); }
code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 0.9em; background: var(--tint); padding: 0 0.2em; overflow-wrap: anywhere; }
.skip { position: absolute; left: -999px; }
.skip:focus { position: static; display: inline-block; background: var(--focus); color: var(--ink); padding: 0.25rem 0.5rem; }
.meta { color: var(--muted); margin-top: 0; }
.overall { font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n, th.n { text-align: right; }
.verdict { border-left: 8px solid; padding: 0.6rem 0.9rem; margin: 0.75rem 0 1rem; font-size: 1.05rem; }
.verdict strong { display: block; font-size: 1.15rem; }
.verdict-blocking, .verdict-not-checked { border-color: var(--error); background: var(--error-bg); }
.verdict-review { border-color: var(--warning); background: var(--warning-bg); }
.verdict-clean { border-color: var(--ok); background: var(--ok-bg); }
.allows p { margin-bottom: 0.5rem; }
.allows ul { padding-left: 1.25rem; }
.finding { border: 1px solid var(--line); border-left: 6px solid; padding: 0.6rem 0.9rem; margin: 0 0 0.75rem; break-inside: avoid; }
.finding-error { border-left-color: var(--error); }
.finding-warning { border-left-color: var(--warning); }
.finding-review { border-left-color: var(--review); }
.finding-info { border-left-color: var(--info); }
.finding-waived { border-left-color: var(--muted); }
.tag { display: inline-block; font-size: 0.8rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; padding: 0 0.4em; margin-right: 0.4em; border: 1px solid; }
.tag-error { color: var(--error); background: var(--error-bg); }
.tag-warning { color: var(--warning); background: var(--warning-bg); }
.tag-review { color: var(--review); background: var(--review-bg); }
.tag-info { color: var(--info); background: var(--info-bg); }
.tag-waived { color: var(--muted); background: var(--tint); }
.where { color: var(--muted); font-size: 0.95rem; }
.message { white-space: pre-line; }
.label { font-weight: 700; }
.fix > :last-child, .finding > :last-child { margin-bottom: 0; }
details { margin: 0 0 0.75rem; }
summary { cursor: pointer; font-weight: 600; padding: 0.25rem 0; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.9rem; border-top: 1px solid var(--line); padding-top: 0.75rem; }
@media print {
  @page { size: A4; margin: 16mm 15mm 18mm; }
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .skip { display: none; }
  h2 { break-before: page; border-top: none; padding-top: 0; margin-top: 0; }
  section:first-of-type h2 { break-before: auto; }
  h2, h3, h4 { break-after: avoid; }
  .verdict, .finding, tr { break-inside: avoid; }
  details::details-content { content-visibility: visible; display: contents; }
  details > summary { list-style: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); overflow-wrap: anywhere; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * The report runs no script and fetches nothing: its one stylesheet is allowed by its hash,
 * so even text that slipped past escaping could not run code or send data anywhere.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE.trim()).digest('base64')}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function slug(index: number): string {
  return `agreement-${index + 1}`;
}

const hastCache = new Map<string, ElementContent[]>();

function markdownToHast(markdown: string): ElementContent[] {
  return parsedOnce(hastCache, markdown, (text) => (toHast(fromMarkdown(text)) as Root).children.filter((c): c is ElementContent => c.type !== 'doctype'));
}

function where(f: Pick<Finding, 'location'>, file: string): ElementContent[] {
  const { start } = f.location.range;
  const parts: ElementContent[] = [{ type: 'text', value: `${file}, line ${start.line}, column ${start.column}` }];
  if (f.location.path) parts.push({ type: 'text', value: ' (' }, h('code', f.location.path), { type: 'text', value: ')' });
  return parts;
}

function citations(rule: RuleSummary): Element | undefined {
  if (!rule.citations.length) return undefined;
  return h('p', [
    h('span.label', 'Law and guidance: '),
    ...rule.citations.flatMap((c, i): ElementContent[] => {
      const item = c.url ? h('a', { href: c.url }, citationLabel(c)) : ({ type: 'text', value: citationLabel(c) } as const);
      return i === 0 ? [item] : [{ type: 'text', value: '; ' }, item];
    }),
  ]);
}

function findingArticle(f: Finding, group: Group, file: string, rule: RuleSummary | undefined): Element {
  const body: ElementContent[] = [
    h('h4', [h(`span.tag.tag-${group}`, GROUP_LABELS[group]), rule ? rule.title : f.ruleId]),
    h('p.message', messageNodes(f.message)),
    h('p.where', [h('span.label', 'Where: '), ...where(f, file)]),
  ];
  if (f.related.length) {
    body.push(
      h(
        'ul.related',
        f.related.map((r) => h('li', messageNodes(`See also ${relatedPlace(r)}: ${r.message}`))),
      ),
    );
  }
  if (group === 'waived') {
    body.push(h('p', [h('span.label', 'Why it was waived: '), waiverText(f)]));
  } else if (rule) {
    const cites = citations(rule);
    if (cites) body.push(cites);
    if (rule.fix) body.push(h('div.fix', [h('p.label', 'How to fix'), ...markdownToHast(rule.fix)]));
  }
  body.push(h('p.where', ['Rule ', rule ? h('a', { href: rule.helpUri }, f.ruleId) : h('code', f.ruleId)]));
  return h(`article.finding.finding-${group}`, body);
}

/** A message as text and <code> elements: messages name keys and values in backticks. */
function messageNodes(message: string): (string | Element)[] {
  return codeSpans(message).map((part) => (part.code ? h('code', part.value) : part.value));
}

function summarySection(agreement: Agreement | undefined, file: FileResult): Element[] {
  if (!agreement) {
    if (file.failure || isConfigFile(file)) return [];
    return [h('h3', 'What this agreement allows'), h('p', 'dsalint cannot summarise this agreement until it follows the dsalint format: fix the errors below first.')];
  }
  const s = summariseAgreement(agreement);
  return [
    h('h3', 'What this agreement allows'),
    h('div.allows', [h('p', s.overview), h('ul', s.flows.map((f) => h('li', f))), h('p', s.signOff)]),
  ];
}

function fileSection(run: LintRun, file: FileResult, index: number): Element {
  const agreement = file.agreement as Agreement | undefined;
  const verdict = verdictFor(file);
  const rules = ruleMap(run);
  const id = slug(index);
  const title = agreement?.title ?? (isConfigFile(file) ? 'dsalint configuration' : file.path);
  const meta = [title === file.path ? '' : file.path, agreement ? `reference ${agreement.id}` : '', agreement?.version ? `version ${agreement.version}` : ''].filter(Boolean).join(' · ');
  const children: ElementContent[] = [
    h('h2', { id: `${id}-title` }, title),
    ...(meta ? [h('p.meta', meta)] : []),
    h(`div.verdict.verdict-${verdict.kind}`, [h('strong', verdict.label), verdict.text]),
    ...summarySection(agreement, file),
  ];
  const groups = groupFindings(file.findings);
  for (const group of GROUPS) {
    const findings = groups[group];
    if (!findings.length) continue;
    const articles = findings.map((f) => findingArticle(f, group, file.path, rules.get(f.ruleId)));
    children.push(h('h3', `${GROUP_TITLES[group]} (${findings.length})`), h('p', GROUP_EXPLANATIONS[group]));
    // Long lists fold so the page stays navigable; errors and points to review start open,
    // because they are what the reader must act on. Waived and info findings start folded.
    // Print expands everything.
    if (group === 'waived' || group === 'info' || findings.length > 10) {
      const open = group === 'error' || group === 'review';
      const label = plural(findings.length, `${GROUP_LABELS[group].toLowerCase()} finding`);
      children.push(h('details', open ? { open: true } : {}, [h('summary', open ? `${label} (select to fold)` : `Show ${label}`), ...articles]));
    } else {
      children.push(...articles);
    }
  }
  if (file.notes.length) {
    children.push(h('details', [h('summary', `Notes from dsalint (${file.notes.length})`), h('ul', file.notes.map((n) => h('li', n)))]));
  }
  return h('section', { id, 'aria-labelledby': `${id}-title` }, children);
}

function overviewTable(run: LintRun): Element {
  return h('table', [
    h('caption.skip', 'Each agreement and its verdict'),
    h('thead', h('tr', [h('th', { scope: 'col' }, 'Agreement'), h('th', { scope: 'col' }, 'Verdict'), h('th.n', { scope: 'col' }, 'Errors'), h('th.n', { scope: 'col' }, 'Warnings'), h('th.n', { scope: 'col' }, 'To review')])),
    h(
      'tbody',
      filesForPeople(run).map((file, i) => {
        const g = groupFindings(file.findings);
        const agreement = file.agreement as Agreement | undefined;
        return h('tr', [
          h('th', { scope: 'row' }, [h('a', { href: `#${slug(i)}-title` }, agreement?.title ?? file.path)]),
          h('td', verdictFor(file).label),
          h('td.n', String(g.error.length)),
          h('td.n', String(g.warning.length)),
          h('td.n', String(g.review.length)),
        ]);
      }),
    ),
  ]);
}

function sectionHtml(run: LintRun, file: FileResult, index: number): string {
  return toHtml(revealAll({ type: 'root', children: [fileSection(run, file, index)] }));
}

/** How a section's HTML starts: the only place its position in the report appears. */
function sectionOpening(index: number): string {
  const id = slug(index);
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">`;
}

/** One file's section, rendered on a worker before its place in the report is known. */
export function htmlSection(rules: readonly RuleSummary[], file: FileResult): string {
  const text = sectionHtml(rulesOnlyRun(rules), file, -1);
  if (!text.startsWith(sectionOpening(-1))) throw new Error('an HTML section does not start as expected');
  return text;
}

/** Where the agreements' sections go in the serialised page (a comment no text can produce: text is escaped). */
const SECTIONS_MARK = 'dsalint-sections';

export function htmlTree(run: LintRun): Root {
  return pageTree(run, filesForPeople(run).map((file, i) => fileSection(run, file, i)));
}

function pageTree(run: LintRun, sections: ElementContent[]): Root {
  const c = countFindings(run);
  const agreements = agreementFiles(run).length;
  const overall =
    c.error || c.failures
      ? `${plural(c.error, 'blocking problem')}${c.failures ? `, and ${plural(c.failures, 'file')} could not be checked` : ''}.`
      : c.warning || c.review
        ? `No blocking problems; ${plural(c.warning + c.review, 'point')} to review.`
        : 'No problems found.';
  const title = run.files.length === 1 && run.files[0]?.agreement ? `Review of “${(run.files[0].agreement as Agreement).title}”` : 'Review of data sharing agreements';
  const body: ElementContent[] = [
    h('a.skip', { href: '#main' }, 'Skip to the report'),
    h('header', [
      h('h1', title),
      h('p.meta', `Checked by ${run.tool.name} ${run.tool.version}, judging dates as of ${formatDate(run.asOf)}. ${plural(agreements, 'agreement')} checked.`),
      h('p.overall', [h('strong', 'Overall: '), overall]),
    ]),
    h('main', { id: 'main' }, [
      ...(run.files.length > 1 ? [h('nav', { 'aria-label': 'Agreements in this report' }, [overviewTable(run)])] : []),
      ...sections,
      ...(run.files.length === 0 ? [h('p', 'No agreement files were found.')] : []),
    ]),
    h('footer', [
      h('p', [
        'dsalint checks an agreement against UK data protection law and NHS guidance as written; it does not replace the judgement of your Caldicott Guardian or Data Protection Officer. ',
        h('a', { href: run.tool.informationUri }, 'About dsalint'),
        '.',
      ]),
    ]),
  ];
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en-GB' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: `${run.tool.name} ${run.tool.version}` }),
          h('title', title),
          h('style', STYLE.trim()),
        ]),
        h('body', body),
      ]),
    ],
  };
}

/**
 * Agreement text may hold bidirectional overrides or zero-width characters that would make
 * the report read differently from what is stored: show them, in every text node.
 */
function revealAll(tree: Root): Root {
  visit(tree, 'text', (node, _index, parent) => {
    if (parent?.type === 'element' && parent.tagName === 'style') return;
    node.value = revealHidden(node.value);
  });
  return tree;
}

/**
 * The page, serialised one agreement's section at a time into the page around them, so the
 * tree of the whole report is never held at once; the same bytes as serialising htmlTree.
 */
export const html: Reporter = (run) => {
  const page = toHtml(revealAll(pageTree(run, [{ type: 'comment', value: SECTIONS_MARK }])));
  const [before, after] = page.split(`<!--${SECTIONS_MARK}-->`) as [string, string];
  const sections = filesForPeople(run).map((file, i) => {
    // A section a worker already rendered carries a placeholder index in its opening tags.
    const rendered = renderedSection(file, 'html');
    return rendered !== undefined ? `${sectionOpening(i)}${rendered.slice(sectionOpening(-1).length)}` : sectionHtml(run, file, i);
  });
  return `${before}${sections.join('')}${after}\n`;
};
