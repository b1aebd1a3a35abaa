/**
 * The draft front matter of an imported agreement: only what the document states plainly
 * enough to read without guessing (title, reference, version, dates, the parties, the protocol
 * a tier-2 agreement is made under, and the terms draft-terms.ts reads: purposes, data, flows,
 * retention, lawful basis), each with a
 * comment naming the clause it came from. Everything else is left out and listed as not
 * found, for the reviewer to fill in from the text or to ask the sender about.
 */
import type { OrgType } from '../generated/agreement.js';
import { blockText, CLAUSE_START, type DocBlock } from './blocks.js';
import { draftTerms, type DraftTerms } from './draft-terms.js';

export interface DraftValue<T> {
  readonly value: T;
  /** Where in the document it was read: "clause 1.2", "the table under "Parties"". */
  readonly from: string;
}

export interface DraftParty {
  readonly id: string;
  readonly name: string;
  readonly odsCode?: string;
  readonly orgType?: OrgType;
  readonly from: string;
}

export interface Draft {
  readonly title?: DraftValue<string>;
  /** What sort of document it is, when its title says (an overarching protocol, a processing agreement, a template). */
  readonly kind?: DraftValue<'overarching_protocol' | 'processing_agreement' | 'template'>;
  readonly reference?: DraftValue<string>;
  readonly version?: DraftValue<string>;
  readonly dates: Partial<Record<'effective_from' | 'expires' | 'review_by', DraftValue<string>>>;
  readonly parties: readonly DraftParty[];
  readonly terms: DraftTerms;
  /** The overarching protocol a tier-2 agreement says it is made under, with the protocol's reference. */
  readonly framework?: DraftValue<{ readonly id: string; readonly title: string }>;
}

/** Every top-level part of the format the import never drafts: always listed as not found. */
const NEVER_DRAFTED = ['population', 'security', 'breach', 'dpia', 'transparency', 'approvals'] as const;

/** The heading each block sits under (a heading's own text for a heading). */
function headingsOf(blocks: readonly DocBlock[]): (string | undefined)[] {
  let heading: string | undefined;
  return blocks.map((block) => (block.type === 'heading' ? (heading = block.text) : heading));
}

/** How each block is cited: its clause number, or the heading it sits under. */
function places(blocks: readonly DocBlock[]): string[] {
  let heading: string | undefined;
  let paragraphs = 0;
  return blocks.map((block) => {
    if (block.type === 'heading') {
      heading = block.text;
      paragraphs = 0;
      return `the heading "${shorten(block.text)}"`;
    }
    if (block.type === 'table') return heading ? `the table under "${shorten(heading)}"` : 'the first table';
    paragraphs++;
    const number = /^(\d{1,3}(?:\.\d{1,3}){0,4})\.?\s/.exec(block.text)?.[1];
    if (number) return `clause ${number}`;
    return heading ? `paragraph ${paragraphs} under "${shorten(heading)}"` : `paragraph ${paragraphs}`;
  });
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}...` : text;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = new RegExp(
  `\\b(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})/(\\d{1,2})/(\\d{4})|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})|${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4}))\\b`,
  'i',
);

/** The first date in a piece of text, as YYYY-MM-DD; UK order for 01/04/2026. */
export function firstDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  let year: number;
  let month: number;
  let day: number;
  if (m[1]) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (m[6]) [year, month, day] = [Number(m[6]), Number(m[5]), Number(m[4])];
  else if (m[9]) [year, month, day] = [Number(m[9]), monthNumber(m[8]!), Number(m[7])];
  else [year, month, day] = [Number(m[12]), monthNumber(m[10]!), Number(m[11])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string): number {
  return MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;
}

const DATE_LABELS: readonly ['effective_from' | 'expires' | 'review_by', RegExp][] = [
  ['effective_from', /\b(?:start|commencement|effective)\s+date\b|\beffective\s+from\b|\b(?:comes?|came)\s+into\s+(?:force|effect)\b|\btakes?\s+effect\b|\bcommenc\w*\s+on\b/i],
  ['expires', /\b(?:end|expiry|expiration)\s+date\b|\bexpires?\s+on\b|\b(?:will\s+)?(?:end|terminate)s?\s+on\b|\bremains?\s+in\s+(?:force|effect)\s+until\b/i],
  ['review_by', /\b(?:next\s+)?review\s+date\b|\b(?:reviewed|review)\s+(?:by|on|before|no\s+later\s+than)\b/i],
];

/** "Reviewed annually", "review ... every 12 months", "reviewed every six months": a regular review, not negated in the same few words. */
const REVIEW_INTERVAL = /\breview(?:ed)?\b(?:(?!\bnot\b)[^.;]){0,60}?\b(annually|yearly|every\s+year|(?:at\s+least\s+)?every\s+(\d{1,2}|six|twelve|eighteen|twenty-four)\s+months)\b/gi;
const MONTH_WORDS: Record<string, number> = { six: 6, twelve: 12, eighteen: 18, 'twenty-four': 24 };

function reviewMonths(m: RegExpMatchArray): number {
  if (!m[2]) return 12;
  return MONTH_WORDS[m[2].toLowerCase()] ?? Number(m[2]);
}

/** YYYY-MM-DD plus whole months, the day kept (or the month's last day when it has fewer). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** "made under the Northshire Overarching Information Sharing Protocol": the protocol a tier-2 agreement sits under, by its title. */
const UNDER_PROTOCOL =
  /\b(?:made\s+under|sits\s+under|under|in\s+accordance\s+with|pursuant\s+to)\s+the\s+((?:\p{Lu}[\p{L}\p{N}'’&-]*\s+){1,8}(?:Information\s+Sharing\s+)?(?:Protocol|Framework))\b/u;

const REFERENCE =
  /\b(?:agreement|document|dsa|dsp|isa|isp|protocol)?\s*(?:reference|ref\.?)(?:\s+(?:number|no\.?|code))?\s*[:\-–]?\s*([A-Z0-9][A-Z0-9/._-]{2,40})\b/i;
const VERSION = /\bversion(?:\s+(?:number|no\.?))?\s*[:\-–]?\s*v?(\d{1,3}\.\d{1,3}(?:\.\d{1,3})?)\b/i;

/** Organisation types read from words in a name; first match wins, so specific before general. */
const ORG_TYPE_BY_NAME: readonly [RegExp, OrgType][] = [
  [/\bintegrated\s+care\s+board\b|\bICB\b/i, 'icb'],
  [/\bprimary\s+care\s+network\b|\bPCN\b/, 'pcn'],
  [/\bcommissioning\s+support\s+unit\b|\bCSU\b/, 'commissioning_support_unit'],
  [/\bmedical\s+examiner/i, 'medical_examiner_office'],
  [/\bambulance\b.*\btrust\b/i, 'ambulance_trust'],
  [/\b(?:mental\s+health|partnership)\b.*\btrust\b/i, 'nhs_trust_mental_health'],
  [/\bcommunity\b.*\btrust\b/i, 'nhs_trust_community'],
  [/\b(?:hospitals?|teaching)\b.*\btrust\b|\bnhs\s+foundation\s+trust\b|\bnhs\s+trust\b/i, 'nhs_trust_acute'],
  [/\b(?:medical\s+(?:practice|centre|center)|surgery|health\s+centre|general\s+practice|gp\s+practice)\b/i, 'gp_practice'],
  [/\bpolice\b|\bconstabulary\b/i, 'police'],
  [/\bcoroner/i, 'coroner'],
  [/\buniversity\b/i, 'university_or_researcher'],
  [/\bUK\s+Health\s+Security\s+Agency\b|\bUKHSA\b/, 'ukhsa'],
  [/\bNHS\s+England\b/, 'nhs_england'],
  [/\bpharmacy\b|\bchemists?\b/i, 'community_pharmacy'],
  [/\b(?:ltd|limited|plc|llp)\b\.?$/i, 'commercial_supplier'],
];

export function orgTypeFromName(name: string): OrgType | undefined {
  return ORG_TYPE_BY_NAME.find(([re]) => re.test(name))?.[1];
}

/** A party id from its name: the initials of its distinctive words, lower case. */
function partyId(name: string, taken: Set<string>): string {
  const words = name.replace(/[^\p{L}\p{N}\s-]/gu, ' ').split(/\s+/).filter((w) => w && !/^(?:the|of|and|for|nhs|ltd|limited|plc)$/i.test(w));
  const base = (words.length > 1 ? words.slice(0, 2).join('-') : words[0] ?? 'party').toLowerCase().replace(/[^a-z0-9-]/g, '') || 'party';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const PARTY_LABEL = /^(?:(?:name\s+of\s+)?(?:the\s+)?(?:organisation|organization|party|data\s+controller|controller|processor|provider|recipient|discloser|sender)(?:\s+(?:\d+|[a-c]|name))?(?:\s+name)?|organisation\s+name)$/i;
const ODS = /\bODS(?:\s+(?:code|number))?\s*[:\-–]?\s*([A-Z0-9]{3,10})\b/;
const BETWEEN = /\bbetween\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:(?:of|and|for|the|&)\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*)*)(?:\s*\([^)]{0,60}\))?,?\s+and\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:(?:of|for|the|&)\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*)*)/u;

function cleanName(name: string): string {
  return name.replace(/\s*\((?:the\s+)?["“][^)]*\)\s*$/, '').replace(/[.,;:]+$/, '').trim();
}

export function draftFromBlocks(blocks: readonly DocBlock[]): Draft {
  const where = places(blocks);
  const texts = blocks.map(blockText);
  // The title is the first line when it reads as one (a heading, or a short line with no full stop), else the first heading.
  const first = blocks[0];
  const firstIsTitle = first !== undefined && (first.type === 'heading' || (first.type === 'paragraph' && first.text.length <= 150 && !/[.;,]$/.test(first.text)));
  const titleAt = firstIsTitle ? 0 : blocks.findIndex((b) => b.type === 'heading' && b.level <= 2);
  const title = titleAt >= 0 ? { value: texts[titleAt]!.replace(/[.:]+$/, ''), from: blocks[titleAt]!.type === 'heading' ? where[titleAt]! : 'the first line' } : undefined;

  let reference: DraftValue<string> | undefined;
  let framework: Draft['framework'];
  let version: DraftValue<string> | undefined;
  const dates: Partial<Record<'effective_from' | 'expires' | 'review_by', DraftValue<string>>> = {};
  const parties: DraftParty[] = [];
  const ids = new Set<string>();
  const addParty = (name: string, from: string, context: string, odsCode?: string): void => {
    const clean = cleanName(name);
    const ods = odsCode ?? ODS.exec(context)?.[1];
    const known = parties.findIndex((p) => p.name.toLowerCase() === clean.toLowerCase());
    if (known >= 0) {
      // Named again, say in the parties table: take its ODS code from there.
      if (ods && !parties[known]!.odsCode) parties[known] = { ...parties[known]!, odsCode: ods };
      return;
    }
    if (clean.length < 3) return;
    const orgType = orgTypeFromName(clean);
    parties.push({ id: partyId(clean, ids), name: clean, from, ...(ods ? { odsCode: ods } : {}), ...(orgType ? { orgType } : {}) });
  };

  blocks.forEach((block, i) => {
    // Tables are read row by row: "Reference | NS-DSA-014", "Organisation | Riverside Surgery".
    const lines = block.type === 'table' ? block.rows.map((r) => r.join(' | ')) : [texts[i]!];
    for (const line of lines) {
      const under = UNDER_PROTOCOL.exec(line);
      const underRef = under ? REFERENCE.exec(line.slice(under.index)) : null;
      if (under && underRef && /\d/.test(underRef[1]!) && !framework) framework = { value: { id: underRef[1]!, title: under[1]!.trim() }, from: where[i]! };
      if (!reference) {
        // The protocol's reference, cited where the agreement says it is made under it, is not this agreement's.
        const m = REFERENCE.exec(under ? line.slice(0, under.index) : line);
        if (m && /\d/.test(m[1]!)) reference = { value: m[1]!, from: where[i]! };
      }
      if (!version) {
        const m = VERSION.exec(line);
        if (m) version = { value: m[1]!, from: where[i]! };
      }
      for (const [key, label] of DATE_LABELS) {
        if (dates[key]) continue;
        const m = label.exec(line);
        const date = m ? firstDate(line.slice(m.index, m.index + m[0].length + 60)) : undefined;
        if (date) dates[key] = { value: date, from: where[i]! };
      }
    }
    if (block.type === 'table') {
      const header = block.rows[0]!.map((c) => c.toLowerCase());
      const nameColumn = header.findIndex((c) => /^(?:organisation|organization|party|name of organisation|organisation name)$/.test(c));
      const odsColumn = header.findIndex((c) => /^ods(?:\s+(?:code|number))?$/.test(c));
      if (nameColumn >= 0) {
        for (const row of block.rows.slice(1)) {
          const ods = odsColumn >= 0 && /^[A-Z0-9]{3,10}$/.test(row[odsColumn] ?? '') ? row[odsColumn] : undefined;
          if (row[nameColumn]) addParty(row[nameColumn], where[i]!, row.join(' | '), ods);
        }
        return;
      }
      for (const row of block.rows) if (row.length >= 2 && PARTY_LABEL.test(row[0]!.replace(/[:\s]+$/, '')) && /\p{Lu}/u.test(row[1]!)) addParty(row[1]!, where[i]!, row.join(' | '));
      return;
    }
    if (block.type !== 'paragraph') return;
    const labelled = /^(?:(?:party|organisation)\s*(?:\d+|[a-c])?|data\s+controller(?:\s+\d+)?)\s*[:\-–]\s*(\p{Lu}[^,;(]{2,100})/iu.exec(block.text.replace(CLAUSE_START.test(block.text) ? /^\S+\s+/ : /^/, ''));
    if (labelled) addParty(labelled[1]!.replace(/\s+ODS\b.*$/i, ''), where[i]!, block.text);
    const between = parties.length === 0 ? BETWEEN.exec(block.text) : null;
    if (between) {
      addParty(between[1]!, where[i]!, block.text);
      addParty(between[2]!, where[i]!, block.text);
    }
  });
  // "Reviewed annually" with a start date gives the first review date; two different intervals give none.
  if (!dates.review_by && dates.effective_from) {
    const intervals = blocks.flatMap((b, i) => (b.type === 'paragraph' ? [...b.text.matchAll(REVIEW_INTERVAL)].map((m) => ({ months: reviewMonths(m), from: where[i]! })) : []));
    if (intervals.length && intervals.every((v) => v.months === intervals[0]!.months)) {
      const { months, from } = intervals[0]!;
      dates.review_by = { value: addMonths(dates.effective_from.value, months), from: `${from}, ${months === 12 ? 'yearly' : `every ${months} months`} from ${dates.effective_from.from}` };
    }
  }
  const kindValue = title ? kindFromTitle(title.value) : undefined;
  const kind = kindValue && title ? { value: kindValue, from: title.from } : undefined;
  const terms = draftTerms(blocks, where, headingsOf(blocks), parties);
  const tier2 = framework && kind?.value !== 'overarching_protocol' ? { framework } : {};
  return { ...(title ? { title } : {}), ...(kind ? { kind } : {}), ...(reference ? { reference } : {}), ...(version ? { version } : {}), dates, parties, terms, ...tier2 };
}

/** The kinds a title names plainly: a tier-1 protocol ("Overarching Information Sharing Protocol"), a processing agreement, a template. */
function kindFromTitle(title: string): Draft['kind'] extends DraftValue<infer K> | undefined ? K | undefined : never {
  if (/\boverarching\b|\binformation\s+sharing\s+protocol\b|\btier\s*(?:1|one)\b/i.test(title)) return 'overarching_protocol';
  if (/\bdata\s+processing\s+(?:agreement|contract)\b/i.test(title)) return 'processing_agreement';
  if (/\btemplate\b|\bmodel\s+agreement\b/i.test(title)) return 'template';
  return undefined;
}

/** YAML for a string, quoted the way JSON quotes it (always valid YAML). */
const q = (value: string): string => JSON.stringify(value);

/** The front matter: drafted values with their sources, the import record, and what was not found. */
export function draftFrontMatter(draft: Draft, fileName: string): string {
  const lines: string[] = [
    `# Drafted by dsalint import from ${fileName.replace(/^.*[\\/]/, '')}. The text below is what the parties sign; this front`,
    '# matter is a draft read from it. Check each value against the clause named beside it.',
    'dsalint: 1',
  ];
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  lines.push(draft.reference ? `id: ${q(draft.reference.value)}  # ${draft.reference.from}` : `id: ${q(stem)}  # not found in the document: the file's name`);
  lines.push(draft.title ? `title: ${q(draft.title.value)}  # ${draft.title.from}` : `title: ${q(stem)}  # not found in the document: the file's name`);
  if (draft.version) lines.push(`version: ${q(draft.version.value)}  # ${draft.version.from}`);
  if (draft.kind) lines.push(`kind: ${draft.kind.value}  # read from ${draft.kind.from}`);
  if (draft.framework) lines.push(`framework:  # ${draft.framework.from}`, `  id: ${q(draft.framework.value.id)}`, `  title: ${q(draft.framework.value.title)}`);
  lines.push('imported:', `  from: ${q(fileName.replace(/^.*[\\/]/, ''))}`);
  const dateKeys = (['effective_from', 'expires', 'review_by'] as const).filter((k) => draft.dates[k]);
  if (dateKeys.length) {
    lines.push('dates:');
    for (const key of dateKeys) lines.push(`  ${key}: ${draft.dates[key]!.value}  # ${draft.dates[key]!.from}`);
  }
  if (draft.parties.length) {
    lines.push('parties:');
    for (const p of draft.parties) {
      lines.push(`  - id: ${p.id}  # ${p.from}`, `    name: ${q(p.name)}`);
      if (p.odsCode) lines.push(`    ods_code: ${p.odsCode}`);
      if (p.orgType) lines.push(`    org_type: ${p.orgType}  # read from the name`);
    }
  }
  lines.push(...termsLines(draft.terms));
  const { purposes, data, flows, retention } = draft.terms;
  const notFound = [
    ...(draft.version ? [] : ['version']),
    ...(['effective_from', 'expires', 'review_by'] as const).filter((k) => !draft.dates[k]).map((k) => `dates.${k}`),
    ...(draft.parties.length ? [] : ['parties']),
    ...(purposes.length ? [] : ['purposes']),
    ...(purposes.length && purposes.some((p) => !p.category) ? ['the category of each purpose'] : []),
    ...(purposes.some((p) => !p.article6 || !p.article9) ? ['the lawful basis of each purpose'] : []),
    'population',
    ...(data.length ? [] : ['data']),
    ...(flows.length ? [] : ['flows']),
    ...(retention.length ? [] : ['retention']),
    ...NEVER_DRAFTED.filter((k) => k !== 'population'),
  ];
  lines.push(...commentLines(`Not found in the document with enough confidence to draft, so left out (fill them in from the text below, or ask the sender): ${notFound.join(', ')}.`));
  return `---\n${lines.join('\n')}\n---\n`;
}

/** The drafted terms as YAML, each value with the clause it came from. */
function termsLines(terms: DraftTerms): string[] {
  const lines: string[] = [];
  if (terms.purposes.length) {
    lines.push('purposes:');
    for (const p of terms.purposes) {
      lines.push(`  - id: ${p.id}  # ${p.from}`, `    description: ${q(p.description)}`);
      if (p.category) lines.push(`    category: ${p.category}  # read from ${p.from}`);
      if (p.article6 || p.article9) {
        lines.push('    lawful_basis:');
        if (p.article6) lines.push(`      article_6: ${p.article6.value}  # ${p.article6.from}`);
        if (p.article9) lines.push(`      article_9: ${p.article9.value}  # ${p.article9.from}`);
      }
    }
  }
  if (terms.data.length) {
    lines.push('data:');
    for (const d of terms.data) lines.push(`  - id: ${d.id}  # ${d.from.join(', ')}`, `    categories: [${d.categories.join(', ')}]`);
  }
  if (terms.flows.length) {
    lines.push('flows:');
    for (const f of terms.flows) {
      lines.push(`  - id: ${f.id}  # ${f.clause}`, `    from: ${f.from}`, `    to: ${f.to}`);
      if (f.data) lines.push(`    data: [${f.data.join(', ')}]`);
      if (f.purposes) lines.push(`    purposes: [${f.purposes.join(', ')}]`);
    }
  }
  if (terms.retention.length) {
    lines.push('retention:');
    for (const r of terms.retention) {
      const [first, ...rest] = [
        ...(r.party ? [`party: ${r.party}`] : []),
        ...(r.data ? [`data: [${r.data.join(', ')}]`] : []),
        `period: ${r.period}  # ${r.from}: ${q(r.words)}`,
        ...(r.starts ? [`starts: ${r.starts}`] : []),
      ];
      lines.push(`  - ${first}`, ...rest.map((l) => `    ${l}`));
    }
  }
  return lines;
}

/** A long comment as `# ` lines of at most about 100 characters. */
function commentLines(text: string): string[] {
  const out: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > 100 && line !== '#') {
      out.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  out.push(line);
  return out;
}
