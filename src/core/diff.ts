/**
 * What changed in meaning between two versions of an agreement: each change classified as
 * broadening (the sharing gets wider), narrowing, or neutral (wording, order, record-keeping),
 * with its path in both versions.
 *
 * The comparison is structural (keys, list items matched by id) and the meaning comes from
 * one table, CLASSIFIERS, keyed by path pattern (`flows[].access.mode`). A key the table
 * does not know is still compared: a list item added counts as broadening and one removed as
 * narrowing, and any other change as neutral, so a new format key is never silently lost.
 */
import type { AgreementPath } from './locate.js';
import { FREE_TEXT_KEYS, RECORD_KEYS } from './digest.js';
import { durationHours, parseDuration } from './facts.js';
import { DATA_CATEGORIES } from '../vocabulary.js';

export type ChangeClass = 'broadening' | 'narrowing' | 'neutral';
export const CHANGE_CLASSES: readonly ChangeClass[] = ['broadening', 'narrowing', 'neutral'];

export interface Change {
  readonly class: ChangeClass;
  /** What the change does, in words: `adds the purpose "research"`. */
  readonly what: string;
  /** The path pattern the change is about (`purposes[]`), for grouping and for history checks. */
  readonly pattern: string;
  /** Where it is in the earlier version (the nearest parent when it was added). */
  readonly before: AgreementPath;
  /** Where it is in the later version (the nearest parent when it was removed). */
  readonly after: AgreementPath;
  /** The id of the list item involved (a purpose, data item, party or flow), when it has one. */
  readonly itemId?: string;
  /** The change adds special category data (UK GDPR Art 9). */
  readonly special?: boolean;
}

type Op = 'added' | 'removed' | 'changed';

interface Event {
  readonly op: Op;
  readonly pattern: string;
  readonly before: AgreementPath;
  readonly after: AgreementPath;
  readonly old?: unknown;
  readonly new?: unknown;
  /** The nearest enclosing list item's id, for wording ("to the data "summary""). */
  readonly owner?: string;
}

type Verdict = { readonly class: ChangeClass; readonly what: string; readonly special?: boolean };
type Classifier = (e: Event) => Verdict | undefined;

const INFINITE = Number.POSITIVE_INFINITY;
const SPECIAL = new Set(DATA_CATEGORIES.filter((c) => c.special).map((c) => c.value));

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object' && value !== null) {
    const v = value as { id?: unknown; name?: unknown; party?: unknown };
    const name = [v.id, v.name, v.party].find((x) => typeof x === 'string');
    if (name !== undefined) return `"${name as string}"`;
  }
  return JSON.stringify(value);
}

/** " in the data "x"" (or " to"/" from" with `preposition`): the list item a change is inside. */
function inOwner(e: Event, preposition = 'in'): string {
  return e.owner ? ` ${preposition} ${e.owner}` : '';
}

/** The nouns for list items that have ids, to name the item a change is inside. */
const OWNER_NOUNS: Readonly<Record<string, string>> = { 'parties[]': 'the party', 'purposes[]': 'the purpose', 'data[]': 'the data', 'flows[]': 'the flow', 'retention[]': 'the retention entry' };

/** A whole list item (a purpose, a party, a flow): added widens, removed narrows. */
function item(noun: string): Classifier {
  return (e) => {
    if (e.op === 'added') return { class: 'broadening', what: `adds the ${noun} ${show(e.new)}${inOwner(e, 'to')}` };
    if (e.op === 'removed') return { class: 'narrowing', what: `removes the ${noun} ${show(e.old)}${inOwner(e, 'from')}` };
    return undefined;
  };
}

/** A list whose members each widen the sharing (categories, purposes a flow serves). */
function members(noun: string, addedClass: 'broadening' | 'narrowing' = 'broadening'): Classifier {
  const removedClass: ChangeClass = addedClass === 'broadening' ? 'narrowing' : 'broadening';
  return (e) => {
    if (e.op === 'added') return { class: addedClass, what: `adds ${noun} ${show(e.new)}${inOwner(e, 'to')}` };
    if (e.op === 'removed') return { class: removedClass, what: `removes ${noun} ${show(e.old)}${inOwner(e, 'from')}` };
    return undefined;
  };
}

/** Values in order from narrowest to widest; a value not listed is compared as neutral. */
function ordinal(noun: string, order: readonly string[]): Classifier {
  return (e) => {
    const from = order.indexOf(String(e.old));
    const to = order.indexOf(String(e.new));
    const what = `changes ${noun}${inOwner(e)} from ${show(e.old)} to ${show(e.new)}`;
    if (e.old === undefined || e.new === undefined || from < 0 || to < 0 || from === to) return { class: 'neutral', what };
    return { class: to > from ? 'broadening' : 'narrowing', what };
  };
}

/**
 * A yes/no safeguard or permission: `widerWhen` is the value that widens the sharing. Not
 * stated counts as false: a safeguard not stated is not in place, a permission not stated is not given.
 */
function flag(noun: string, widerWhen: boolean): Classifier {
  return (e) => {
    const what = `changes ${noun}${inOwner(e)} from ${show(e.old)} to ${show(e.new)}`;
    const from = e.old === true;
    const to = e.new === true;
    if (from === to) return { class: 'neutral', what };
    return { class: to === widerWhen ? 'broadening' : 'narrowing', what };
  };
}

function durationLength(value: unknown, unbounded: readonly string[]): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (unbounded.includes(value)) return INFINITE;
  const d = parseDuration(value);
  return d ? durationHours(d) : undefined;
}

/** A period: longer widens. `unbounded` words (all, indefinite) are longer than any period; a period removed is unbounded when `missingIsUnbounded`. */
function period(noun: string, unbounded: readonly string[], missingIsUnbounded = false): Classifier {
  return (e) => {
    const what = `changes ${noun}${inOwner(e)} from ${show(e.old)} to ${show(e.new)}`;
    const from = e.old === undefined && missingIsUnbounded ? INFINITE : durationLength(e.old, unbounded);
    const to = e.new === undefined && missingIsUnbounded ? INFINITE : durationLength(e.new, unbounded);
    if (from === undefined || to === undefined || from === to) return { class: 'neutral', what };
    return { class: to > from ? 'broadening' : 'narrowing', what };
  };
}

/** A date: `later` widens (an end date), or `earlier` widens (a start date). A date removed is open-ended. */
function date(noun: string, widens: 'later' | 'earlier'): Classifier {
  return (e) => {
    const what = `changes ${noun}${inOwner(e)} from ${show(e.old)} to ${show(e.new)}`;
    const open = widens === 'later' ? '9999-12-31' : '0000-01-01';
    const from = typeof e.old === 'string' ? e.old : open;
    const to = typeof e.new === 'string' ? e.new : open;
    if (from === to) return { class: 'neutral', what };
    const later = to > from;
    return { class: later === (widens === 'later') ? 'broadening' : 'narrowing', what };
  };
}

/** Any change to it widens (a different recipient, a destination abroad). */
function anyChangeWidens(noun: string): Classifier {
  return (e) => ({
    class: e.op === 'removed' ? 'narrowing' : 'broadening',
    what: e.op === 'added' ? `adds ${noun} ${show(e.new)}${inOwner(e)}` : e.op === 'removed' ? `removes ${noun}${inOwner(e)}` : `changes ${noun}${inOwner(e)} from ${show(e.old)} to ${show(e.new)}`,
  });
}

function neutral(noun: string): Classifier {
  return (e) => ({ class: 'neutral', what: e.op === 'changed' ? `changes ${noun}${inOwner(e)}` : `${e.op === 'added' ? 'adds' : 'removes'} ${noun}${inOwner(e)}` });
}

/** The opt-out is applied: anything else lets objecting patients' data through. */
function optOut(noun: string): Classifier {
  return (e) => {
    const what = `changes ${noun} from ${show(e.old)} to ${show(e.new)}`;
    if (e.old === 'applied' && e.new !== 'applied') return { class: 'broadening', what };
    if (e.new === 'applied' && e.old !== 'applied') return { class: 'narrowing', what };
    return { class: 'neutral', what };
  };
}

function vitalStatus(e: Event): Verdict {
  const what = `changes the patients covered from ${show(e.old)} to ${show(e.new)}`;
  if (e.new === 'both' || (e.old !== undefined && e.new !== undefined && e.old !== 'both')) return { class: 'broadening', what };
  return { class: e.old === 'both' && e.new !== undefined ? 'narrowing' : 'neutral', what };
}

function age(end: 'min' | 'max'): Classifier {
  return (e) => {
    const what = `changes the ${end === 'min' ? 'youngest' : 'oldest'} age covered from ${show(e.old)} to ${show(e.new)}`;
    const open = end === 'min' ? -1 : 1000;
    const from = typeof e.old === 'number' ? e.old : open;
    const to = typeof e.new === 'number' ? e.new : open;
    if (from === to) return { class: 'neutral', what };
    const wider = end === 'min' ? to < from : to > from;
    return { class: wider ? 'broadening' : 'narrowing', what };
  };
}

function categories(e: Event): Verdict | undefined {
  const value = e.op === 'added' ? e.new : e.old;
  const special = typeof value === 'string' && SPECIAL.has(value);
  const noun = special ? 'the special category data' : 'the data category';
  if (e.op === 'added') return { class: 'broadening', what: `adds ${noun} ${show(value)}${inOwner(e, 'to')}`, ...(special ? { special } : {}) };
  if (e.op === 'removed') return { class: 'narrowing', what: `removes ${noun} ${show(value)}${inOwner(e, 'from')}` };
  return undefined;
}

function dataItem(e: Event): Verdict | undefined {
  const cats = (v: unknown): unknown[] => (typeof v === 'object' && v !== null && Array.isArray((v as { categories?: unknown }).categories) ? ((v as { categories: unknown[] }).categories) : []);
  const special = e.op === 'added' && cats(e.new).some((c) => typeof c === 'string' && SPECIAL.has(c));
  const verdict = item('data')(e);
  return verdict && special ? { ...verdict, what: `${verdict.what}, including special category data`, special } : verdict;
}

// A secure data environment keeps the data in one place: wider than a disclosure per request, narrower than an extract.
const WIDTH_OF_ACCESS = ['per_request', 'secure_data_environment', 'extract', 'feed', 'live_system_access'];

/**
 * The meaning of each place in the format. Patterns use `[]` for any list index. A pattern
 * for a list (`purposes[]`) classifies items added or removed; one for a key classifies its
 * value changing, appearing or disappearing.
 */
/** Who is covered: the same terms at the top level and in a purpose's own population. */
function populationClassifiers(prefix: string): Record<string, Classifier> {
  return {
    [`${prefix}.scope`]: ordinal('whose records are shared', ['per_case', 'defined_cohort', 'all_registered']),
    [`${prefix}.vital_status`]: vitalStatus,
    [`${prefix}.age_range.min`]: age('min'),
    [`${prefix}.age_range.max`]: age('max'),
    [`${prefix}.vulnerable_groups[]`]: members('the vulnerable group'),
    [`${prefix}.inclusion_criteria[]`]: members('the inclusion criterion', 'narrowing'),
    [`${prefix}.history_window`]: period('how far back the records go', ['all'], true),
    [`${prefix}.national_data_opt_out`]: optOut('how the national data opt-out is handled'),
    [`${prefix}.type1_objections`]: optOut('how Type 1 objections are handled'),
  };
}

/**
 * The meaning of each place in the format. Patterns use `[]` for any list index. A pattern
 * for a list (`purposes[]`) classifies items added or removed; one for a key classifies its
 * value changing, appearing or disappearing.
 */
export const CLASSIFIERS: Readonly<Record<string, Classifier>> = {
  'dates.effective_from': date('when the agreement takes effect', 'earlier'),
  'dates.expires': date('when the agreement ends', 'later'),
  'dates.initial_term': period('the initial term', [], true),
  'dates.renewal': ordinal('how the agreement renews', ['none', 'on_review', 'automatic']),
  'dates.renewal_term': period('the renewal term', [], true),
  'parties[]': item('party'),
  'parties[].name': anyChangeWidens('the name'),
  'parties[].org_type': anyChangeWidens('the kind of organisation'),
  'parties[].role': neutral('the role'),
  'parties[].country': anyChangeWidens('the country of processing'),
  'parties[].group.members[]': item('group member'),
  'parties[].group.count': (e) => {
    const what = `changes how many organisations are in the group${inOwner(e)} from ${show(e.old)} to ${show(e.new)}`;
    if (typeof e.old !== 'number' || typeof e.new !== 'number' || e.old === e.new) return { class: e.new === undefined ? 'broadening' : 'neutral', what };
    return { class: e.new > e.old ? 'broadening' : 'narrowing', what };
  },
  'purposes[]': item('purpose'),
  'purposes[].category': anyChangeWidens('the kind of purpose'),
  'purposes[].roles[]': item('role'),
  'purposes[].lawful_basis.s251.expires': date('when the section 251 support ends', 'later'),
  'purposes[].lawful_basis.copi_notice.expires': date('when the COPI notice ends', 'later'),
  ...populationClassifiers('purposes[].population'),
  ...populationClassifiers('population'),
  'data[]': dataItem,
  'data[].categories[]': categories,
  'data[].identifiability': ordinal('how identifiable the data is', ['aggregate', 'anonymised', 'pseudonymised', 'identifiable']),
  'data[].free_text': flag('whether free text is included', true),
  'data[].protections[]': members('the protection', 'narrowing'),
  'data[].history_window': period('how far back the data goes', ['all'], true),
  'data[].purposes[]': members('the purpose'),
  'flows[]': item('flow'),
  'flows[].from': anyChangeWidens('the sender'),
  'flows[].to': anyChangeWidens('the recipient'),
  'flows[].data[]': members('the data'),
  'flows[].purposes[]': members('the purpose'),
  'flows[].access.mode': ordinal('the access mode', WIDTH_OF_ACCESS),
  'flows[].access.trigger': ordinal('what starts a disclosure', ['per_case', 'scheduled', 'on_demand']),
  'flows[].access.duration': ordinal('how long access lasts', ['one_off', 'time_limited', 'standing']),
  'flows[].access.window': period('the access window', [], true),
  'flows[].access.start': date('when access starts', 'earlier'),
  'flows[].access.end': date('when access ends', 'later'),
  'flows[].access.read_only': flag('read-only access', false),
  'flows[].access.role_based_access': flag('role-based access', false),
  'flows[].access.audit_logging': flag('audit logging', false),
  'flows[].access.legitimate_relationship': flag('the legitimate relationship check', false),
  'flows[].transfer.encrypted': flag('encryption in transit', false),
  'flows[].destination_country': anyChangeWidens('the destination country'),
  'onward_sharing.allowed': flag('whether onward sharing is allowed', true),
  'onward_sharing.sublicensing': flag('whether sublicensing is allowed', true),
  'onward_sharing.to[]': members('the onward recipient'),
  'commercial_use.allowed': flag('whether commercial use is allowed', true),
  'retention[]': item('retention entry'),
  'retention[].period': period('how long the data is kept', ['indefinite'], true),
  'security.measures[]': members('the security measure', 'narrowing'),
  'breach.notify_parties_within': period('how soon the parties are told of a breach', [], true),
  'transparency.privacy_notices[]': members('the privacy notice', 'narrowing'),
  'processors[]': item('processor'),
  'processors[].acting_for[]': members('the controller served'),
  'processors[].sub_processors[]': item('sub-processor'),
  'international_transfers[]': item('transfer abroad'),
};

/** How list items are matched between versions: by id, else by the fields that identify them. */
const ITEM_KEYS: Readonly<Record<string, (item: Record<string, unknown>) => string>> = {
  'retention[]': (r) => `${String(r['party'] ?? '')}|${JSON.stringify(r['data'] ?? [])}`,
  'transparency.privacy_notices[]': (n) => `${String(n['party'] ?? n['publisher'] ?? '')}|${String(n['url'] ?? n['annex'] ?? '')}`,
  'parties[].group.members[]': (m) => `${String(m['name'] ?? '')}|${String(m['ods_code'] ?? '')}`,
  'purposes[].roles[]': (r) => `${String(r['party'] ?? '')}|${String(r['role'] ?? '')}`,
  'processors[]': (p) => String(p['party'] ?? ''),
  'processors[].sub_processors[]': (s) => String(s['name'] ?? ''),
  'international_transfers[]': (t) => `${String(t['to'] ?? '')}|${String(t['country'] ?? '')}`,
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function itemKey(pattern: string, value: unknown): string {
  if (isObject(value)) {
    if (typeof value['id'] === 'string') return `id:${value['id']}`;
    const keyOf = ITEM_KEYS[pattern];
    if (keyOf) return `key:${keyOf(value)}`;
  }
  return `value:${JSON.stringify(value)}`;
}

function walk(old: unknown, neu: unknown, pattern: string, before: AgreementPath, after: AgreementPath, owner: string | undefined, out: Event[]): void {
  if (Array.isArray(old) || Array.isArray(neu)) {
    const a = Array.isArray(old) ? old : [];
    const b = Array.isArray(neu) ? neu : [];
    const itemPattern = `${pattern}[]`;
    const oldByKey = new Map<string, number>();
    a.forEach((v, i) => {
      const key = itemKey(itemPattern, v);
      if (!oldByKey.has(key)) oldByKey.set(key, i);
    });
    const matched = new Set<number>();
    b.forEach((v, j) => {
      const key = itemKey(itemPattern, v);
      const i = oldByKey.get(key);
      if (i === undefined || matched.has(i)) {
        out.push({ op: 'added', pattern: itemPattern, before, after: [...after, j], new: v, ...(owner ? { owner } : {}) });
        return;
      }
      matched.add(i);
      const childOwner = isObject(v) && typeof v['id'] === 'string' ? `${OWNER_NOUNS[itemPattern] ?? 'the item'} "${v['id']}"` : owner;
      walk(a[i], v, itemPattern, [...before, i], [...after, j], childOwner, out);
    });
    a.forEach((v, i) => {
      if (!matched.has(i)) out.push({ op: 'removed', pattern: itemPattern, before: [...before, i], after, old: v, ...(owner ? { owner } : {}) });
    });
    return;
  }
  if (isObject(old) || isObject(neu)) {
    // A block added or removed whole is compared key by key against nothing, so each term in it is judged.
    const a = isObject(old) ? old : {};
    const b = isObject(neu) ? neu : {};
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const childPattern = pattern ? `${pattern}.${key}` : key;
      if (a[key] === undefined && b[key] === undefined) continue;
      const childBefore = a[key] === undefined ? before : [...before, key];
      const childAfter = b[key] === undefined ? after : [...after, key];
      if (FREE_TEXT_KEYS.has(key) || (pattern === '' && RECORD_KEYS.has(key))) {
        if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) {
          out.push({ op: a[key] === undefined ? 'added' : b[key] === undefined ? 'removed' : 'changed', pattern: childPattern, before: childBefore, after: childAfter, old: a[key], new: b[key], ...(owner ? { owner } : {}) });
        }
        continue;
      }
      walk(a[key], b[key], childPattern, childBefore, childAfter, owner, out);
    }
    return;
  }
  if (old === neu) return;
  out.push({ op: old === undefined ? 'added' : neu === undefined ? 'removed' : 'changed', pattern, before, after, old, new: neu, ...(owner ? { owner } : {}) });
}

function lastKey(pattern: string): string {
  return pattern.replace(/\[\]$/, '').split('.').at(-1) ?? pattern;
}

function classify(e: Event): Verdict {
  const key = lastKey(e.pattern);
  if (FREE_TEXT_KEYS.has(key)) return { class: 'neutral', what: `${e.op === 'changed' ? 'rewords' : e.op === 'added' ? 'adds' : 'removes'} the ${key.replace(/_/g, ' ')}${inOwner(e)}` };
  if (e.pattern === 'version' || e.pattern === 'status') return { class: 'neutral', what: `changes the ${e.pattern} from ${show(e.old)} to ${show(e.new)}` };
  if (RECORD_KEYS.has(e.pattern)) return { class: 'neutral', what: `updates the ${e.pattern}` };
  const classifier = CLASSIFIERS[e.pattern];
  const verdict = classifier?.(e);
  if (verdict) return verdict;
  // Unknown places: an item added to a list widens, one removed narrows, anything else is noted.
  const noun = key.replace(/_/g, ' ');
  if (e.pattern.endsWith('[]') && e.op === 'added') return { class: 'broadening', what: `adds ${show(e.new)} to ${noun}${inOwner(e)}` };
  if (e.pattern.endsWith('[]') && e.op === 'removed') return { class: 'narrowing', what: `removes ${show(e.old)} from ${noun}${inOwner(e)}` };
  return { class: 'neutral', what: e.op === 'changed' ? `changes ${noun}${inOwner(e)} from ${show(e.old)} to ${show(e.new)}` : `${e.op === 'added' ? 'adds' : 'removes'} ${noun}${inOwner(e)}` };
}

function itemIdOf(e: Event): string | undefined {
  const v = e.op === 'removed' ? e.old : e.new;
  if (isObject(v) && typeof v['id'] === 'string') return v['id'];
  if (typeof v === 'string' && /^(flows\[\]\.(data|purposes)|data\[\]\.purposes)\[\]$/.test(e.pattern)) return v;
  return undefined;
}

/** The changes in meaning from `before` to `after` (both parsed agreements): broadening, then narrowing, then neutral. */
export function diffAgreements(before: unknown, after: unknown): Change[] {
  const events: Event[] = [];
  walk(before, after, '', [], [], undefined, events);
  const changes = events.map((e): Change => {
    const verdict = classify(e);
    const id = itemIdOf(e);
    return { class: verdict.class, what: verdict.what, pattern: e.pattern, before: e.before, after: e.after, ...(id !== undefined ? { itemId: id } : {}), ...(verdict.special ? { special: true } : {}) };
  });
  const rank: Record<ChangeClass, number> = { broadening: 0, narrowing: 1, neutral: 2 };
  return changes.map((c, i) => ({ c, i })).sort((x, y) => rank[x.c.class] - rank[y.c.class] || x.i - y.i).map((x) => x.c);
}
