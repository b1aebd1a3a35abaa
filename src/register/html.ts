/**
 * The register as one self-contained HTML page an IG team can publish or email: a table of
 * every agreement (sortable by any column, filterable by typing), what falls due soon, and
 * the flow map (recipients by data category, and a diagram of organisations and flows).
 *
 * Offline by construction: inline CSS and one small inline script, both allowed by hash in a
 * Content Security Policy that forbids every network request; the diagram is drawn as SVG
 * when the page is built. Without the script the page still shows everything, unsorted.
 * Built with hastscript and hast-util-to-html, so agreement text is escaped by the library.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { LintRun } from '../core/types.js';
import { formatDate } from '../core/summary.js';
import { durationInWords, parseDuration } from '../core/facts.js';
import { categoryLabel } from '../across/words.js';
import { plural } from '../reporters/shared.js';
import { matrixCell, type Register } from './register.js';
import { flowMapSvg } from './flowmap.js';

const STYLE = `
:root { color: #1b1b1b; background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; }
body { margin: 0 auto; padding: 1.5rem; max-width: 110rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #005eb8; padding-bottom: .2rem; }
.meta { color: #4c6272; margin: 0 0 1rem; }
label { font-weight: 600; margin-right: .5rem; }
input[type=search] { font: inherit; padding: .3rem .5rem; width: min(30rem, 90%); border: 2px solid #4c6272; border-radius: 4px; }
input[type=search]:focus, button:focus { outline: 3px solid #ffb81c; outline-offset: 1px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .75rem 0; font-size: .9rem; }
th, td { border: 1px solid #d8dde0; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8edee; position: sticky; top: 0; }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: #003087; text-align: left; }
th[aria-sort=ascending] button::after { content: " \\25B2" / ""; }
th[aria-sort=descending] button::after { content: " \\25BC" / ""; }
td.num { text-align: right; }
td.date { white-space: nowrap; }
caption { text-align: left; color: #4c6272; padding: .25rem 0; }
td.bad { background: #fde8e8; font-weight: 700; }
ul.cell { margin: 0; padding-left: 1rem; }
.id { font-weight: 700; }
.file { color: #4c6272; font-size: .8rem; }
.matrix td { text-align: center; font-size: .8rem; }
.matrix th[scope=col] { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
figure { margin: 1rem 0; overflow-x: auto; }
svg .org rect { fill: #e8f1fb; stroke: #005eb8; stroke-width: 1.5; }
svg .org text { font-size: 13px; fill: #1b1b1b; }
svg .flow path { fill: none; stroke: #4c6272; stroke-width: 1.5; }
svg marker path { fill: #4c6272; }
svg text.label { font-size: 11px; fill: #330072; paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
@media print { input, .noprint { display: none; } thead th { position: static; } }
`;

const SCRIPT = `
(function () {
  var table = document.getElementById('register');
  if (!table) return;
  var body = table.tBodies[0];
  var input = document.getElementById('filter');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(body.rows);
  function update() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !match;
      if (match) count++;
    });
    shown.textContent = count + ' of ' + rows.length + ' agreements shown';
  }
  input.addEventListener('input', update);
  var headers = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(headers, function (th, column) {
    var button = th.querySelector('button');
    button.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(headers, function (cell) { cell.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var numeric = th.getAttribute('data-type') === 'number';
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent, y = b.cells[column].textContent;
        var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'en-GB');
        return ascending ? c : -c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  update();
})();
`;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** No network at all: only the page's own inline style and script, by hash. */
export const REGISTER_CSP = `default-src 'none'; style-src ${hash(STYLE.trim())}; script-src ${hash(SCRIPT.trim())}; img-src 'none'; base-uri 'none'; form-action 'none'`;

const list = (items: readonly string[]): ElementContent => (items.length <= 1 ? h('span', items[0] ?? '') : h('ul.cell', items.map((i) => h('li', i))));

const COLUMNS: readonly { label: string; number?: boolean }[] = [
  { label: 'Agreement' },
  { label: 'Kind' },
  { label: 'Status' },
  { label: 'Parties' },
  { label: 'Recipients' },
  { label: 'Purposes and lawful basis' },
  { label: 'Data categories' },
  { label: 'Population' },
  { label: 'Effective from' },
  { label: 'Review by' },
  { label: 'Expires' },
  { label: 'DPIA' },
  { label: 'Sign-offs' },
  { label: 'Errors', number: true },
  { label: 'Warnings', number: true },
  { label: 'To review', number: true },
];

function agreementsTable(register: Register): Element {
  return h('table#register', [
    h('caption', 'Every agreement checked, with its open findings. Select a column heading to sort by it.'),
    h('thead', [h('tr', COLUMNS.map((c) => h('th', { scope: 'col', ...(c.number ? { dataType: 'number' } : {}) }, [h('button', { type: 'button' }, c.label)])))]),
    h(
      'tbody',
      register.rows.map((r) =>
        h('tr', [
          h('td', [h('span.id', r.id), h('br'), r.title, h('br'), h('span.file', r.file)]),
          h('td', r.kind),
          h('td', r.status),
          h('td', [list(r.parties)]),
          h('td', [list(r.recipients)]),
          h('td', [list(r.purposes)]),
          h('td', [list(r.dataCategories)]),
          h('td', r.population),
          h('td.date', r.effectiveFrom),
          h('td.date', r.reviewBy),
          h('td.date', r.expires),
          h('td', r.dpia),
          h('td', [list(r.signOffs)]),
          h(`td.num${r.open.error ? '.bad' : ''}`, String(r.open.error)),
          h('td.num', String(r.open.warning)),
          h('td.num', String(r.open.review)),
        ]),
      ),
    ),
  ]);
}

function dueSection(register: Register): ElementContent[] {
  const window = durationInWords(parseDuration(register.window) ?? { years: 0, months: 0, weeks: 0, days: 90, hours: 0, minutes: 0, seconds: 0 });
  return [
    h('h2', `Coming up in the next ${window}`),
    register.due.length === 0
      ? h('p', 'No agreement in force expires or is due for review in this window.')
      : h(
          'ul#due',
          register.due.map((d) => h('li', [h('strong', formatDate(d.date)), `: ${d.id} (${d.title}) ${d.what === 'expires' ? 'expires' : 'is due for review'}. `, h('span.file', d.file)])),
        ),
  ];
}

function matrixTable(register: Register): Element {
  const { recipients, categories, cells } = register.matrix;
  return h('table.matrix', [
    h('caption', 'Who receives what: each recipient (rows) by data category (columns), with the agreements in force that give it.'),
    h('thead', [h('tr', [h('td'), ...categories.map((c) => h('th', { scope: 'col' }, categoryLabel(c)))])]),
    h(
      'tbody',
      recipients.map((recipient) =>
        h('tr', [h('th', { scope: 'row' }, recipient), ...categories.map((c) => h('td', (cells.get(matrixCell(recipient, c)) ?? []).join(', ')))]),
      ),
    ),
  ]);
}

export function registerHtmlTree(register: Register, run: LintRun): Root {
  const svg = flowMapSvg(register);
  const title = 'Register of data sharing agreements';
  const body: ElementContent[] = [
    h('header', [
      h('h1', title),
      h('p.meta', [
        `${plural(register.rows.length, 'agreement')}, as of ${formatDate(register.asOf)}. Produced by ${run.tool.name} ${run.tool.version}.`,
        ...(register.leftOut.length ? [` Left out because they do not match the format or could not be read: ${register.leftOut.join(', ')}.`] : []),
      ]),
    ]),
    h('main', [
      h('h2', 'Agreements'),
      h('p.noprint', [h('label', { for: 'filter' }, 'Filter'), h('input#filter', { type: 'search', placeholder: 'Type an organisation, purpose, id…', autocomplete: 'off' })]),
      h('p#shown', { 'aria-live': 'polite' }, `${plural(register.rows.length, 'agreement')}`),
      h('div.scroll', [agreementsTable(register)]),
      ...dueSection(register),
      h('h2', 'Flow map'),
      h('p', 'The flows of the agreements in force: who sends data to whom, for what purposes, and which data categories each recipient receives across all its agreements.'),
      register.flows.length ? h('div.scroll', [matrixTable(register)]) : h('p', 'No agreement in force has a flow.'),
      ...(svg ? [h('figure', [svg, h('figcaption', 'Organisations and flows; each arrow is labelled with the purposes of the flows along it.')])] : []),
    ]),
  ];
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en-GB' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: REGISTER_CSP }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: `${run.tool.name} ${run.tool.version}` }),
          h('title', title),
          h('style', STYLE.trim()),
        ]),
        h('body', [...body, h('script', SCRIPT.trim())]),
      ]),
    ],
  };
}

export function registerHtml(register: Register, run: LintRun): string {
  return `${toHtml(registerHtmlTree(register, run))}\n`;
}
