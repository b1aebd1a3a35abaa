/**
 * What an agreement allows, in plain English: "Example Surgery would send <data> about
 * <which patients> to <whom>, for <purpose>, under <basis>, kept for <period>." One
 * sentence per flow, after an overview sentence and before a sign-off sentence.
 *
 * Shared by the markdown and html reports and by `dsalint summary`. Every word a reader
 * sees comes from the agreement or from the vocabulary labels (src/vocabulary.ts), never
 * from raw codes, so a GP can read it without knowing the format.
 */
import wrapAnsi from 'wrap-ansi';
import { wrapPlain } from './wrap.js';
import type { Agreement, AgreementKind, Flow, Party, Population, Purpose, RetentionEntry } from '../generated/agreement.js';
import { labelOf } from '../vocabulary.js';
import { appliesToParty, durationHours, flowData, flowPurposes, parseDuration, partyById, partyName, populationFor } from './facts.js';
import { durationInWords, joinWords, lowerFirst } from './words.js';

export interface AgreementSummary {
  /** The agreement's title, as written. */
  readonly title: string;
  readonly id: string;
  /** Who the agreement is between, its status and dates. */
  readonly overview: string;
  /** One sentence (sometimes two) per flow, in the agreement's order. */
  readonly flows: readonly string[];
  /** Who has signed it off. */
  readonly signOff: string;
  /** Every sentence in reading order: overview, flows, sign-off. */
  readonly sentences: readonly string[];
}

/**
 * Characters a reader cannot see but a renderer obeys: bidirectional overrides and
 * isolates (which can make text display in a different order from how it is stored, the
 * "Trojan Source" trick), zero-width and other format characters, and control characters
 * other than tab and line breaks.
 */
const HIDDEN = /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

/** Make hidden characters visible as `[U+202E]`, so a report shows text as it is stored. */
export function revealHidden(text: string): string {
  return text.replace(HIDDEN, codePoint);
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * One line of a terminal or CI log: hidden characters and line breaks shown as `[U+000A]`,
 * and log commands broken up (`##vso[`, `##[`), so text from an agreement, a file name or a
 * waiver reason can neither start a line of its own nor be read as a command by the CI system.
 */
export function logLine(text: string): string {
  return revealHidden(text)
    .replace(LINE_BREAKS, (c) => [...c].map(codePoint).join(''))
    .replace(/#(?=#(?:vso)?\[)/gi, '#\\');
}

/** A file name at the start of a log line: as `logLine`, and never starting a workflow command (`::`). */
export function logPath(path: string): string {
  const line = logLine(path);
  return line.startsWith(':') ? `./${line}` : line;
}

function codePoint(c: string): string {
  return `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-04-01` → `1 April 2026`, `2016-04` → `April 2016`; anything else is returned as written. */
export function formatDate(date: string | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return date;
  return m[3] === undefined ? `${month} ${m[1]}` : `${Number(m[3])} ${month} ${m[1]}`;
}

/** `P10Y` → `10 years`, `P1Y6M` → `1 year and 6 months`; anything else is returned as written. */
export function formatDuration(text: string | undefined): string {
  if (!text) return '';
  const d = parseDuration(text);
  if (!d) return text === 'all' ? 'all of it' : text;
  const words = durationInWords(d);
  return words === 'no time' ? text : words;
}

export { joinWords, lowerFirst };

function withoutFinalStop(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** What the document is called in the overview: "agreement", "overarching protocol", "template"... */
const KIND_NOUN: Readonly<Record<AgreementKind, string>> = {
  sharing_agreement: 'agreement',
  overarching_protocol: 'overarching protocol',
  processing_agreement: 'processing agreement',
  template: 'template agreement',
  data_release: 'data release',
};

/**
 * A party as the overview names it: a group says how many it stands for, or that it is every
 * signatory; a blank in a template is shown as the blank it is.
 */
export function partyPhrase(party: Party): string {
  const group = party.group;
  if (!group) return party.name;
  if (group.any_signatory) return /signator/i.test(party.name) ? party.name : `${party.name} (every signatory)`;
  const listed = (group.members ?? []).length;
  const count = group.count ?? (listed > 0 ? listed : undefined);
  const digits = count === undefined ? '' : String(count).replace(/\B(?=(\d{3})+$)/g, ',');
  return count === undefined ? `${party.name} (a group)` : `${party.name} (${digits} organisation${count === 1 ? '' : 's'})`;
}

function termPhrase(a: Agreement): string {
  const dates = a.dates;
  const from = formatDate(dates?.effective_from);
  const to = formatDate(dates?.expires);
  const term = dates?.initial_term ? formatDuration(dates.initial_term) : '';
  const every = dates?.renewal_term ? ` every ${formatDuration(dates.renewal_term).replace(/^1 /, '')}` : '';
  const renews = dates?.renewal === 'automatic' ? `, renewing${every} unless ended` : dates?.renewal === 'on_review' ? ', renewed only after review' : '';
  if (from && to) return `, in force from ${from} to ${to}${renews}`;
  if (from && term) return `, in force from ${from} for ${term}${renews}`;
  if (from) return `, in force from ${from}${renews || ' with no end date'}`;
  if (to) return `, ending on ${to}`;
  return renews;
}

function overview(a: Agreement): string {
  const ref = [a.id, a.version ? `version ${a.version}` : ''].filter(Boolean).join(', ');
  const kind = a.kind ?? 'sharing_agreement';
  // A template is never in force, whatever its status says.
  const status = a.status && kind !== 'template' ? lowerFirst(labelOf('agreementStatus', a.status)) : '';
  const parties = (a.parties ?? []).map(partyPhrase);
  const between = parties.length >= 2 ? ` between ${joinWords(parties)}` : parties.length === 1 ? ` for ${parties[0]}` : '';
  const noun = [status, KIND_NOUN[kind]].filter(Boolean).join(' ');
  const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';
  const framework = a.framework;
  const under = framework ? `, under the overarching protocol ${framework.title ? `“${framework.title}” (${framework.id})` : framework.id}` : '';
  const law = a.legal_framework === 'dpa_1998' || a.legal_framework === 'eu_gdpr_dpa_2018' ? `, written under the ${labelOf('legalFramework', a.legal_framework)}` : '';
  return `“${a.title}” (${ref}) is ${article} ${noun}${between}${under}${termPhrase(a)}${law}.`;
}

function dataPhrase(a: Agreement, flow: Flow): string {
  const items = flowData(a, flow);
  if (items.length === 0) {
    return flow.access?.mode === 'live_system_access' ? 'whatever the system holds (no data items are listed)' : 'data the agreement does not list';
  }
  const categories = unique(items.flatMap((d) => d.categories ?? []).map((c) => lowerFirst(labelOf('dataCategory', c))));
  const described = categories.length ? joinWords(categories) : joinWords(items.map((d) => lowerFirst(withoutFinalStop(d.description ?? d.id))));
  const qualities: string[] = [];
  const identifiability = unique(items.map((d) => d.identifiability ?? '').filter(Boolean));
  if (identifiability.length) qualities.push(joinWords(identifiability.map((v) => lowerFirst(labelOf('identifiability', v)))));
  if (items.some((d) => d.free_text)) qualities.push('including free text');
  return qualities.length ? `${described} (${qualities.join(', ')})` : described;
}

function populationPhrase(p: Population | undefined): string {
  if (!p) return 'patients the agreement does not describe';
  const base = p.description ? lowerFirst(withoutFinalStop(p.description)) : p.vital_status ? lowerFirst(labelOf('vitalStatus', p.vital_status)) : 'patients';
  const notes: string[] = [];
  if (p.scope) notes.push(lowerFirst(labelOf('populationScope', p.scope)));
  if (p.age_range && (p.age_range.min !== undefined || p.age_range.max !== undefined)) {
    const { min, max } = p.age_range;
    notes.push(min !== undefined && max !== undefined ? `aged ${min} to ${max}` : min !== undefined ? `aged ${min} or over` : `aged up to ${max}`);
  }
  return notes.length ? `${base} (${notes.join('; ')})` : base;
}

function purposePhrase(purposes: readonly Purpose[], flow: Flow): string {
  if (purposes.length === 0) return (flow.purposes ?? []).length ? `purposes it does not define (${(flow.purposes ?? []).join(', ')})` : 'no stated purpose';
  return joinWords(
    purposes.map((p) => {
      const category = p.category ? lowerFirst(labelOf('purposeCategory', p.category)) : '';
      // The agreement's own words, quoted, so a vague purpose reads as vague.
      const quoted = p.description ? `“${withoutFinalStop(p.description)}”` : '';
      if (category && quoted) return `${category} (${quoted})`;
      return category || quoted || `the purpose “${p.id}”`;
    }),
  );
}

function basisPhrase(purposes: readonly Purpose[]): string {
  const parts: string[] = [];
  for (const purpose of purposes) {
    const b = purpose.lawful_basis;
    if (!b) continue;
    const gdpr = [b.article_6 ? labelOf('article6', b.article_6) : '', b.article_9 ? labelOf('article9', b.article_9) : '', b.dpa_schedule_1 ? labelOf('dpaSchedule1', b.dpa_schedule_1) : '']
      .filter(Boolean)
      .map((label) => `UK GDPR ${label}`.replace('UK GDPR DPA', 'DPA'));
    const words: string[] = [];
    if (gdpr.length) words.push(joinWords(gdpr));
    if (b.common_law) words.push(`the common-law basis “${labelOf('commonLaw', b.common_law)}”`);
    const statutes = [...(b.legislation ?? []), ...(b.statutory_gateways ?? []).map((g) => g.provision)];
    if (statutes.length) words.push(`relying on ${joinWords(statutes)}`);
    const notice = b.copi_notice;
    if (notice) words.push(['under the COPI notice', notice.reference, notice.expires ? `(ending ${formatDate(notice.expires)})` : ''].filter(Boolean).join(' '));
    if (words.length) parts.push(words.join(', '));
  }
  const distinct = unique(parts);
  return distinct.length ? distinct.join('; and ') : 'no legal basis stated';
}

function retentionPhrase(a: Agreement, flow: Flow): string {
  const recipient = partyName(a, flow.to);
  const flowDataIds = new Set(flow.data ?? []);
  const recipientParty = partyById(a, flow.to);
  const entries = (a.retention ?? []).filter(
    (r: RetentionEntry) =>
      (recipientParty ? appliesToParty(a, r.party, recipientParty) : r.party === flow.to) && ((r.data ?? []).length === 0 || (r.data ?? []).some((id) => flowDataIds.has(id))),
  );
  const periods = unique(
    entries.map((r) => {
      const start = r.starts ? ` from ${lowerFirst(labelOf('retentionStart', r.starts))}` : '';
      const disposal = r.disposal ? `, then ${disposalWords(r.disposal)}` : '';
      if (r.period === 'indefinite') return 'kept indefinitely';
      const d = parseDuration(r.period);
      if (d && durationHours(d) === 0) return `not kept (viewed in place)${disposal}`;
      const period = r.period ? formatDuration(r.period) : '';
      return period ? `kept for ${period}${start}${disposal}` : '';
    }).filter(Boolean),
  );
  if (periods.length === 0) return `with no retention period stated for ${recipient}`;
  return `and ${joinWords(periods, 'or')}`;
}

function disposalWords(method: string): string {
  switch (method) {
    case 'secure_destruction':
      return 'securely destroyed';
    case 'return_to_controller':
      return 'returned to the controller';
    case 'anonymise':
      return 'anonymised';
    case 'transfer_to_place_of_deposit':
      return 'transferred to a place of deposit';
    default:
      return lowerFirst(labelOf('disposalMethod', method));
  }
}

function accessSentence(flow: Flow): string {
  const access = flow.access;
  const bits: string[] = [];
  if (access?.mode) bits.push(lowerFirst(labelOf('accessMode', access.mode)));
  if (access?.trigger) bits.push(lowerFirst(labelOf('accessTrigger', access.trigger)));
  if (access?.duration) bits.push(lowerFirst(labelOf('accessDuration', access.duration)));
  if (access?.window) bits.push(`open for ${formatDuration(access.window)} each time`);
  if (access?.read_only) bits.push('read-only');
  if (access?.audit_logging) bits.push('with every access logged');
  // "Within the clinical system" reads as a place, not a means: no "by" before it.
  const method = flow.transfer?.method;
  const means = method ? `${method === 'clinical_system' ? '' : 'by '}${lowerFirst(labelOf('transferMethod', method))}` : '';
  const transfer = means ? `${means}${flow.transfer?.encrypted === false ? ', not encrypted' : ''}` : '';
  if (bits.length === 0 && !transfer) return '';
  const how = [bits.join(', '), transfer].filter(Boolean).join(', ');
  return ` It would be ${how}.`;
}

function flowSentence(a: Agreement, flow: Flow): string {
  const from = flow.from ? partyName(a, flow.from) : 'An unnamed party';
  const to = flow.to ? partyName(a, flow.to) : 'an unnamed recipient';
  const purposes = flowPurposes(a, flow);
  // The population of the flow's purposes: each purpose's own, else the agreement's.
  const who = joinWords(unique((purposes.length ? purposes : [undefined]).map((p) => populationPhrase(populationFor(a, p)))));
  const what = dataPhrase(a, flow);
  const action =
    flow.access?.mode === 'live_system_access'
      ? `${from} would give ${to} access to ${what} about ${who}`
      : `${from} would send ${what} about ${who} to ${to}`;
  const abroad = flow.destination_country && flow.destination_country !== 'GB' ? ` (outside the UK, in ${flow.destination_country})` : '';
  const sentence = `${action}${abroad}, for ${purposePhrase(purposes, flow)}, under ${basisPhrase(purposes)}, ${retentionPhrase(a, flow)}.`;
  return `${sentence}${accessSentence(flow)}`;
}

function signOffSentence(a: Agreement): string {
  const approvals = a.approvals ?? [];
  if (a.kind === 'template') return 'As a template it is not signed; each completed copy is.';
  if (approvals.length === 0) return 'No one has signed it off yet.';
  const names = approvals.map((ap) => {
    const role = labelOf('signoffRole', ap.role);
    const party = partyName(a, ap.party);
    const when = ap.date ? ` on ${formatDate(ap.date)}` : '';
    return `${ap.name ?? 'an unnamed signatory'} (${role}, ${party})${when}`;
  });
  return `Signed off by ${joinWords(names)}.`;
}

export function summariseAgreement(a: Agreement): AgreementSummary {
  const flows = (a.flows ?? []).map((f) => revealHidden(flowSentence(a, f)));
  const first = revealHidden(overview(a));
  const signOff = revealHidden(signOffSentence(a));
  const none =
    a.kind === 'overarching_protocol'
      ? 'It sets common standards for its signatories and has no data flows of its own; the agreements made under it set out who sends what to whom.'
      : 'It describes no data flows, so it does not say who would send what to whom.';
  const flowSentences = flows.length ? flows : [none];
  return { title: revealHidden(a.title), id: revealHidden(a.id), overview: first, flows: flowSentences, signOff, sentences: [first, ...flowSentences, signOff] };
}

/** The summary as one paragraph of text. */
export function summaryParagraph(a: Agreement): string {
  return summariseAgreement(a).sentences.join(' ');
}

/**
 * Wrap text to a width for terminals, breaking only at spaces and measuring what a terminal
 * shows (wide characters count double, colour codes nothing); a word longer than the width,
 * such as an address, stays whole.
 */
export function wrapText(text: string, width: number): string {
  return wrapKeepingSpaces(text.split(/\s+/).filter(Boolean).join(' '), width);
}

/**
 * Lines that begin with `:` (after spaces and colour codes) once wrapped. CI runners read
 * a log line starting `::` as a workflow command even when it is indented.
 */
const WRAPPED_BEFORE_COLON = /\n(?=(?:\u001b\[[\d;]*m)*[ \t]*:)/g;

/**
 * As `wrapText`, but keeping runs of spaces inside a line (the stylish report's columns).
 * A line is never broken just before a `:`, so text quoted from an agreement (`::error`)
 * cannot start a log line of its own.
 */
export function wrapKeepingSpaces(text: string, width: number): string {
  return (wrapPlain(text, width) ?? wrapAnsi(text, width, { hard: false, trim: true })).replace(WRAPPED_BEFORE_COLON, ' ');
}
