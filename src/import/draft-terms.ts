/**
 * The terms of an imported agreement drafted from its clauses: purposes, the data shared,
 * flows, retention and the lawful basis. Precision over recall: a value is drafted only when a
 * clause states it plainly (in its section, not negated, one reading only); anything less is
 * left out and listed as not found, for the reviewer to fill in or ask about.
 */
import type { Article6, Article9, DataCategory, PurposeCategory, RetentionStart } from '../generated/agreement.js';
import type { DocBlock } from './blocks.js';

export interface DraftPurpose {
  readonly id: string;
  readonly description: string;
  readonly category?: PurposeCategory;
  readonly article6?: { readonly value: Article6; readonly from: string };
  readonly article9?: { readonly value: Article9; readonly from: string };
  readonly from: string;
}

export interface DraftData {
  readonly id: string;
  readonly categories: readonly DataCategory[];
  /** The clauses the categories were read from. */
  readonly from: readonly string[];
}

export interface DraftFlow {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly data?: readonly string[];
  readonly purposes?: readonly string[];
  readonly clause: string;
}

export interface DraftRetention {
  readonly party?: string;
  readonly data?: readonly string[];
  readonly period: string;
  readonly starts?: RetentionStart;
  /** The words the period was read from, such as "retained for 8 years". */
  readonly words: string;
  readonly from: string;
}

export interface DraftTerms {
  readonly purposes: readonly DraftPurpose[];
  readonly data: readonly DraftData[];
  readonly flows: readonly DraftFlow[];
  readonly retention: readonly DraftRetention[];
}

/** A drafted party, as the terms refer to it. */
export interface PartyRef {
  readonly id: string;
  readonly name: string;
  readonly orgType?: string;
}

/** "Will not", "never", "no": a negated clause states nothing to draft. */
const NEGATED = /\b(?:not|never|no|nor|cannot|neither)\b|n't\b/i;

const PURPOSE_HEADING = /\bpurposes?\b/i;
const DATA_HEADING = /\b(?:data|information)\b(?!\s+(?:protection|security|governance|sharing\s+(?:agreement|protocol)))|\bdata\s+items?\b/i;
const NOT_DATA_HEADING = /\b(?:protection|security|governance|breach|controllers?|processors?|retention|rights|purposes?|legal|lawful|access\s+requests?)\b/i;
const RETENTION_HEADING = /\bretention\b|\bretain/i;

/** A clause that states a purpose: the data is used, shared or processed for something. */
const PURPOSE_STATEMENT = /\bpurposes?\b|\b(?:use[sd]?|shared?|disclosed?|processe[sd]?|provided?)\b[^.]{0,80}\b(?:for|to)\b/i;
/** A clause that lists the data shared. */
const DATA_STATEMENT = /\b(?:data|information)\b[^.]{0,60}\b(?:includes?|including|comprises?|consists?\s+of|is|are|will\s+be)\b|\bthe\s+following\s+(?:data|information)\b/i;

/** Each purpose category named plainly; a clause naming two is not clear, so gets none. */
const PURPOSE_CATEGORIES: readonly [RegExp, PurposeCategory][] = [
  [/\bmedical\s+examiners?\b/i, 'medical_examiner_scrutiny'],
  [/\bsafeguarding\b/i, 'safeguarding'],
  [/\bcoroners?\b/i, 'coroner'],
  [/\b(?:direct|individual)\s+(?:patient\s+)?care\b/i, 'individual_care'],
  [/\bresearch\b/i, 'research'],
  [/\bpopulation\s+health\s+management\b/i, 'population_health_management'],
  [/\b(?:service\s+)?planning\b|\bcommissioning\b/i, 'planning_commissioning'],
  [/\bnational\s+clinical\s+audit\b/i, 'national_clinical_audit'],
  [/\b(?<!national\s)clinical\s+audit\b/i, 'clinical_audit_local'],
  [/\bpublic\s+health\b/i, 'public_health'],
  [/\binvoice\s+validation\b/i, 'invoice_validation'],
  [/\bservice\s+evaluation\b/i, 'service_evaluation'],
  [/\bprevention\s+(?:or|and)\s+detection\s+of\s+crime\b|\blaw\s+enforcement\b/i, 'law_enforcement'],
];

/** Data categories named in a data clause. */
const DATA_CATEGORIES: readonly [RegExp, DataCategory][] = [
  [/\bNHS\s+numbers?\b/i, 'nhs_number'],
  [/\b(?:full\s+|patient'?s?\s+|first\s+|sur|fore)?names?\b(?!\s+of\s+(?:the\s+)?(?:organisation|party|practice|person\s+responsible))/i, 'name'],
  [/\bdates?\s+of\s+birth\b|\bDOB\b/, 'date_of_birth'],
  [/(?<!e-?mail\s)\baddress(?:es)?\b|\bpost\s?codes?\b/i, 'address_postcode'],
  [/\b(?:tele)?phone\s+numbers?\b|\bmobile\s+numbers?\b|\be-?mail\s+address(?:es)?\b/i, 'contact_details'],
  [/\bethnic(?:ity|\s+origin)\b/i, 'ethnicity'],
  [/\bnext\s+of\s+kin\b/i, 'next_of_kin_carer'],
  [/\bdiagnos[ie]s\b|\bproblem\s+lists?\b|\bmedical\s+conditions?\b/i, 'diagnoses_problems'],
  [/\bmedications?\b|\bmedicines\b|\bprescriptions?\b/i, 'medications'],
  [/\ballerg(?:y|ies)\b/i, 'allergies'],
  [/\b(?:test|investigation|blood|laboratory|lab)\s+results?\b/i, 'test_results'],
  [/\bimmuni[sz]ations?\b|\bvaccinations?\b/i, 'immunisations'],
  [/\breferrals?\b/i, 'procedures_referrals'],
  [/\bconsultations?\b/i, 'recent_consultations'],
  [/\bsafeguarding\s+(?:concerns?|information|records?|alerts?|flags?)\b/i, 'safeguarding'],
  [/\bmental\s+health\b/i, 'mental_health'],
  [/\b(?:date|cause|place)\s+of\s+death\b/i, 'death_details'],
  [/\b(?:whole|full|entire|complete)\s+(?:patient\s+|clinical\s+|GP\s+|medical\s+|health\s+)?records?\b/i, 'full_record'],
];

const ARTICLE_6 = /\bArt(?:icle)?\.?\s*6\s*\(\s*1\s*\)\s*\(\s*([a-f])\s*\)/gi;
const ARTICLE_9 = /\bArt(?:icle)?\.?\s*9\s*\(\s*2\s*\)\s*\(\s*([a-j])\s*\)/gi;
const ARTICLE_6_BY_LETTER: Record<string, Article6> = { a: 'a_consent', b: 'b_contract', c: 'c_legal_obligation', d: 'd_vital_interests', e: 'e_public_task', f: 'f_legitimate_interests' };
const ARTICLE_9_BY_LETTER: Record<string, Article9> = {
  a: 'a_explicit_consent',
  b: 'b_employment_social_protection',
  c: 'c_vital_interests',
  d: 'd_not_for_profit',
  e: 'e_made_public',
  f: 'f_legal_claims',
  g: 'g_substantial_public_interest',
  h: 'h_health_or_social_care',
  i: 'i_public_health',
  j: 'j_archiving_research_statistics',
};

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30 };
const PERIOD = /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s*(?:\(\d{1,3}\)\s*)?(years?|months?|weeks?|days?)\b/gi;
const KEPT = /\b(?:retain(?:s|ed)?|kept|keep|held|stored?|destroyed|deleted)\b/i;
const RETENTION_STARTS: readonly [RegExp, RetentionStart][] = [
  [/\b(?:from|after)\s+(?:the\s+)?(?:date\s+of\s+)?receipt\b|\b(?:from|after)\s+(?:it\s+is\s+|they\s+are\s+)?received\b/i, 'receipt'],
  [/\b(?:from|after)\s+(?:the\s+)?(?:date\s+of\s+)?(?:the\s+patient'?s\s+)?death\b/i, 'death'],
  [/\b(?:from|after)\s+(?:the\s+)?(?:clos(?:e|ure)\s+of\s+the\s+case|case\s+(?:is\s+)?closed?|case\s+closure)\b/i, 'case_closed'],
  [/\b(?:from|after)\s+(?:the\s+)?(?:end|expiry|termination)\s+of\s+(?:this|the)\s+agreement\b/i, 'agreement_end'],
  [/\b(?:from|after)\s+(?:the\s+)?last\s+contact\b/i, 'last_contact'],
];
const SHARE_VERB = '(?:will\\s+|shall\\s+|may\\s+|must\\s+)?(?:share|shares|disclose|discloses|send|sends|provide|provides|supply|supplies|pass|passes|transfer|transfers)';

const MAX_PARTIES_FOR_FLOWS = 40;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How a clause may name each party: its full name, and "the ICB", "the Practice" or "the Trust" when only one party is of that kind. */
function partyNames(parties: readonly PartyRef[]): [string, string][] {
  const names: [string, string][] = parties.map((p) => [p.name, p.id]);
  const only = (test: (t: string | undefined) => boolean, words: string[]): void => {
    const matching = parties.filter((p) => test(p.orgType));
    if (matching.length === 1) for (const w of words) names.push([w, matching[0]!.id]);
  };
  only((t) => t === 'icb', ['the ICB', 'the Integrated Care Board']);
  only((t) => t === 'gp_practice', ['the Practice', 'the practice', 'the Surgery', 'the GP practice']);
  only((t) => t?.startsWith('nhs_trust') ?? false, ['the Trust']);
  return names.sort((a, b) => b[0].length - a[0].length);
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The sentences of a clause, without its number. */
function sentences(text: string): string[] {
  return text
    .replace(/^\s*(?:\d{1,3}(?:\.\d{1,3}){0,4}\.?|\(?[a-z]\)|\(?[ivx]{1,5}\))\s+/i, '')
    .split(/(?<=[.;])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The words that state the period, from the verb ("retained for 8 years"), at most 80 characters. */
function keptWords(sentence: string, period: RegExpMatchArray): string {
  const start = period.index ?? 0;
  const kept = KEPT.exec(sentence);
  const from = kept && kept.index < start && start - kept.index <= 60 ? kept.index : start;
  return sentence.slice(from, start + period[0].length);
}

function isoPeriod(count: string, unit: string): string {
  const n = NUMBER_WORDS[count.toLowerCase()] ?? Number(count);
  return `P${n}${unit[0]!.toUpperCase()}`;
}

/**
 * The terms drafted from the blocks. `where` cites each block ("clause 4.1"), `headings` is the
 * heading each block sits under; `parties` are those already drafted (flows and retention name them).
 */
export function draftTerms(blocks: readonly DocBlock[], where: readonly string[], headings: readonly (string | undefined)[], parties: readonly PartyRef[]): DraftTerms {
  const purposes: DraftPurpose[] = [];
  const purposeIds = new Set<string>();
  const categories: DataCategory[] = [];
  const dataFrom: string[] = [];
  const flowSources: { from: string; to: string; clause: string }[] = [];
  const retentionSources: Omit<DraftRetention, 'data'>[] = [];
  const article6: { value: Article6; from: string; block: number }[] = [];
  const article9: { value: Article9; from: string; block: number }[] = [];
  // A flow or retention entry names its parties; past a few dozen parties the document is a list, not an agreement to read flows from.
  const names = parties.length <= MAX_PARTIES_FOR_FLOWS ? partyNames(parties) : [];
  const partyRef = names.length ? `(${names.map(([n]) => escapeRe(n)).join('|')})` : undefined;
  const idOf = (name: string): string | undefined => names.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  const flowPattern = partyRef ? new RegExp(`${partyRef}\\s+${SHARE_VERB}\\b[^.;]{0,160}?\\b(?:to|with)\\s+${partyRef}`) : undefined;
  const purposeOf = new Map<number, number>();

  blocks.forEach((block, i) => {
    const heading = headings[i] ?? '';
    const lines = block.type === 'table' ? block.rows.map((r) => r.join(' | ')) : block.type === 'paragraph' ? [block.text] : [];
    for (const line of lines) {
      for (const m of line.matchAll(ARTICLE_6)) article6.push({ value: ARTICLE_6_BY_LETTER[m[1]!.toLowerCase()]!, from: where[i]!, block: i });
      for (const m of line.matchAll(ARTICLE_9)) article9.push({ value: ARTICLE_9_BY_LETTER[m[1]!.toLowerCase()]!, from: where[i]!, block: i });
    }
    if (block.type !== 'paragraph' && !(block.type === 'table' && DATA_HEADING.test(heading) && !NOT_DATA_HEADING.test(heading))) return;

    for (const sentence of lines.flatMap(sentences)) {
      if (NEGATED.test(sentence)) continue;
      // Purposes: a purpose statement in the purposes section.
      if (block.type === 'paragraph' && PURPOSE_HEADING.test(heading) && PURPOSE_STATEMENT.test(sentence) && sentence.length >= 20) {
        const named = [...new Set(PURPOSE_CATEGORIES.filter(([re]) => re.test(sentence)).map(([, c]) => c))];
        const category = named.length === 1 ? named[0] : undefined;
        purposeOf.set(i, purposes.length);
        purposes.push({
          id: uniqueId(category ? category.replace(/_/g, '-') : 'purpose', purposeIds),
          description: sentence.replace(/[.;]$/, ''),
          ...(category ? { category } : {}),
          from: where[i]!,
        });
      }
      // Data: the categories a data clause (or a row of a data table) names.
      const inDataSection = DATA_HEADING.test(heading) && !NOT_DATA_HEADING.test(heading);
      if (inDataSection || DATA_STATEMENT.test(sentence)) {
        const found = DATA_CATEGORIES.filter(([re]) => re.test(sentence)).map(([, c]) => c);
        // A clause naming one word such as "names" alone is not a list of data; two or more categories are.
        if (found.length >= 2 || (inDataSection && found.length === 1 && found[0] !== 'name')) {
          for (const c of found) if (!categories.includes(c)) categories.push(c);
          if (!dataFrom.includes(where[i]!)) dataFrom.push(where[i]!);
        }
      }
      // Flows: "<party> will share ... with <party>".
      const flow = flowPattern?.exec(sentence);
      if (flow) {
        const from = idOf(flow[1]!);
        const to = idOf(flow[2]!);
        if (from && to && from !== to) flowSources.push({ from, to, clause: where[i]! });
      }
      // Retention: one definite period in a sentence about keeping the data.
      if (block.type === 'paragraph' && (RETENTION_HEADING.test(heading) || KEPT.test(sentence)) && KEPT.test(sentence) && !/\bas\s+long\s+as\b/i.test(sentence)) {
        const periods = [...sentence.matchAll(PERIOD)];
        if (periods.length === 1) {
          const p = periods[0]!;
          const starts = RETENTION_STARTS.find(([re]) => re.test(sentence))?.[1];
          const subject = partyRef ? new RegExp(`^${partyRef}\\b`).exec(sentence) : null;
          const party = subject ? idOf(subject[1]!) : undefined;
          retentionSources.push({
            ...(party ? { party } : {}),
            period: isoPeriod(p[1]!, p[2]!),
            ...(starts ? { starts } : {}),
            words: keptWords(sentence, p),
            from: where[i]!,
          });
        }
      }
    }
  });

  // The lawful basis: cited in the purpose's own clause, or the only basis cited when there is only one purpose.
  const withBasis = purposes.map((purpose, n) => {
    const own = (cites: readonly { block: number }[]): typeof cites => cites.filter((c) => purposeOf.get(c.block) === n);
    const pick = <T extends { value: string; from: string; block: number }>(cites: readonly T[]): T | undefined => {
      const mine = own(cites) as T[];
      const pool = mine.length ? mine : purposes.length === 1 ? cites : [];
      return new Set(pool.map((c) => c.value)).size === 1 ? pool[0] : undefined;
    };
    const a6 = pick(article6);
    const a9 = pick(article9);
    return { ...purpose, ...(a6 ? { article6: { value: a6.value, from: a6.from } } : {}), ...(a9 ? { article9: { value: a9.value, from: a9.from } } : {}) };
  });

  const data: DraftData[] = categories.length ? [{ id: 'shared-data', categories, from: dataFrom }] : [];
  const oneData = data.length === 1 ? [data[0]!.id] : undefined;
  const onePurpose = purposes.length === 1 ? [purposes[0]!.id] : undefined;
  const flowIds = new Set<string>();
  const flows: DraftFlow[] = [];
  for (const f of flowSources) {
    if (flows.some((g) => g.from === f.from && g.to === f.to)) continue;
    flows.push({ id: uniqueId(`${f.from}-to-${f.to}`, flowIds), from: f.from, to: f.to, ...(oneData ? { data: oneData } : {}), ...(onePurpose ? { purposes: onePurpose } : {}), clause: f.clause });
  }
  const retention = retentionSources.map((r) => ({ ...r, ...(oneData ? { data: oneData } : {}) }));
  return { purposes: withBasis, data, flows, retention };
}
