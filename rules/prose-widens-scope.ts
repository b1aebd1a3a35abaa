import type { Agreement } from '../src/generated/agreement.js';
import { defineRule, markdown, type Path, type Target } from '../src/core/rule.js';
import { coversAllPatients, sharesAllFields } from '../src/core/facts.js';
import { fileOffsets, isNegated, phrasePattern, proseBlocks, sentenceBounds } from '../src/core/prose.js';

type Widens = 'access' | 'population' | 'purpose' | 'retention';
/** Retention left to judgement and broad kinds of use get their own wording. */
type MessageId = Widens | 'open-retention' | 'broad-purpose';

interface Options {
  readonly phrases: readonly { readonly phrase: string; readonly widens: Widens }[];
}

interface Pattern {
  readonly widens: Widens;
  /** The message, when it is not the one named after what the phrase widens. */
  readonly messageId?: MessageId;
  readonly re: RegExp;
  /** Something the rest of the sentence must mention for the phrase to mean this ("no time limit" on keeping data). */
  readonly context?: RegExp;
  /** Something in the sentence that bounds the phrase after all ("as long as necessary, and no more than 6 months"). */
  readonly unless?: RegExp;
  /** Whether "not" earlier in the sentence denies it: not for "will not be kept longer than necessary", which is still open-ended. */
  readonly negatable?: false;
  /** The words right after the phrase that make it specific ("research into ...", "planning of ..."). */
  readonly narrowedBy?: RegExp;
}

const SYSTEM_OR_RECORD = '(?:systems?|records?)';
const QUALIFIER = "(?:practice(?:['’]s)?|gp|surgery(?:['’]s)?|clinical|electronic|patient|patients['’]?|medical|whole|entire|full)";

/** Verbs of reaching records: sharing, seeing, searching, covering. */
const REACHING =
  /\b(?:access\w*|shar\w*|disclos\w*|view\w*|see|seen|sees|sen[dt]\w*|provid\w*|extract\w*|search\w*|available|cover\w*|includ\w*|request\w*|receiv\w*|obtain\w*|use|used|uses|using)\b/i;

/** Keeping data: what a sentence must be about for "as long as necessary" to be a retention period. */
const KEEPING = /\b(?:retain\w*|retention|kept|keep\w*|held|hold\w*|stor(?:e|ed|es|ing|age))\b/i;

/** A definite period or schedule anywhere in the sentence bounds an open-ended phrase. */
const DEFINITE_PERIOD =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty)\s*(?:-\s*)?(?:calendar\s+|working\s+)?(?:days?|weeks?|months?|years?)\b|\brecords\s+management\s+code\b|\bretention\s+schedule\b|\buntil\s+(?:the\s+)?(?:end|expiry|termination)\s+of\s+(?:this|the)\s+agreement\b|\bno\s+later\s+than\b/i;

/** Whoever decides: "the ICB", "it", "the recipient", "Northshire ICB". */
const DECIDER = "(?:(?:the|a|an|each|any|it|they|we|[\\p{Lu}][\\p{L}'’-]*)\\s+){1,3}?";
const JUDGES = '(?:consider|deem|think|decide|require|need|determine|judge|feel|wish|want|see)(?:s|ed)?';
const OPEN_QUALITY = '(?:necessary|needed|required|appropriate|fit|useful|relevant)';

/** Broad kinds of secondary use, named with nothing saying which study, service or plan. */
const GENERIC_USE =
  '(?:(?:medical|health|clinical|academic)\\s+)?research|(?:(?:service|services|health(?:\\s+and\\s+(?:social\\s+)?care)?|strategic|system|workforce|capacity)\\s+)?planning|' +
  'commissioning|(?:service|quality)\\s+improvement|improving\\s+(?:services|care)|service\\s+development|(?:data\\s+)?analytics|analysis|statistical\\s+purposes|' +
  'secondary\\s+(?:uses?|purposes)|population\\s+health(?:\\s+management)?|business\\s+intelligence|evaluation';

/** The phrases dsalint knows. Options add to them; they cannot remove them. */
const BUILT_IN: readonly Pattern[] = [
  // Access: the whole system or record.
  { widens: 'access', re: new RegExp(`\\b(?:full|whole|unrestricted|complete|unlimited|open)\\s+access\\s+to\\s+(?:the\\s+|our\\s+|their\\s+|its\\s+)?(?:${QUALIFIER}\\s+)+${SYSTEM_OR_RECORD}\\b`, 'giu') },
  { widens: 'access', re: new RegExp(`\\baccess\\s+to\\s+(?:the\\s+)?(?:whole|entire|full|complete)\\s+(?:${QUALIFIER}\\s+)*${SYSTEM_OR_RECORD}\\b`, 'giu') },
  // Seeing or searching the whole record, in any tense: "accessed the complete patient record", "view the entire GP record".
  {
    widens: 'access',
    re: new RegExp(`\\b(?:view|see|search|brows|read|access|interrogat)\\w*\\s+(?:the\\s+|a\\s+|any\\s+|their\\s+)?(?:whole|entire|full|complete)\\s+(?:${QUALIFIER}\\s+|gp\\s+)*${SYSTEM_OR_RECORD}\\b`, 'giu'),
  },
  // Access to the practice's clinical system itself is access to every record in it.
  { widens: 'access', re: /\baccess\s+to\s+(?:the\s+)?(?:practice(?:['’]s)?\s+|gp\s+|surgery(?:['’]s)?\s+)?clinical\s+systems?\b/giu },
  // Access with no bounds at all.
  { widens: 'access', re: /\b(?:unrestricted|unlimited|unfettered|open-ended|blanket)\s+access\b/giu },
  // Population: every patient, in a sentence about reaching the records ("all patient records are held securely" is not).
  { widens: 'population', re: /\ball\s+(?:of\s+the\s+)?(?:patient|patients['’]?|practice)\s+records\b/giu, context: REACHING },
  { widens: 'population', re: /\brecords\s+of\s+(?:all|every)\s+(?:registered\s+)?patients?\b/giu, context: REACHING },
  { widens: 'population', re: /\bevery\s+(?:registered\s+)?patient(?:['’]s)?\s+records?\b/giu, context: REACHING },
  { widens: 'population', re: /\b(?:whole|entire)\s+(?:practice|patient|registered)\s+(?:patient\s+)?(?:list|population)\b/giu, context: REACHING },
  // Purpose: open-ended.
  { widens: 'purpose', re: /\bany\s+other\s+(?:lawful\s+|legitimate\s+|related\s+)?purposes?\b/giu },
  { widens: 'purpose', re: /\bany\s+(?:lawful|legitimate)\s+purposes?\b/giu },
  { widens: 'purpose', re: /\bsuch\s+other\s+purposes?\b/giu },
  { widens: 'purpose', re: /\bfor\s+any\s+purposes?(?:\s+whatsoever)?\b/giu },
  { widens: 'purpose', re: /\bany\s+purposes?\s+whatsoever\b/giu },
  // Broad kinds of use with nothing saying which: "for research and for service planning".
  {
    widens: 'purpose',
    re: new RegExp(`\\bfor\\s+(?:the\\s+purposes?\\s+of\\s+)?(?:${GENERIC_USE})(?:\\s*(?:,|\\band\\b|\\bor\\b|,\\s*and\\b)\\s*(?:for\\s+)?(?:${GENERIC_USE})){0,6}\\b`, 'giu'),
    messageId: 'broad-purpose',
    context: /\b(?:us(?:e|ed|es|ing)|process\w*|shar\w*|analys\w*|disclos\w*|link\w*|purposes?)\b/i,
    narrowedBy: /^\s*(?:purposes?\s+)?(?:into|of|on|about|in|for|named|described|set|listed|specified|approved|defined|as|under|by|within|relating|related|concerning|to|called|known|entitled|at|[("“'‘])/i,
  },
  // Retention: without limit.
  { widens: 'retention', re: /\b(?:retained|kept|held|stored|retain|keep|hold|store)\s+(?:indefinitely|forever|for\s+ever|in\s+perpetuity|permanently)\b/giu },
  { widens: 'retention', re: /\bindefinite\s+retention\b/giu },
  // Retention left to judgement: "as long as necessary", "for as long as the ICB considers necessary", "until no longer needed".
  {
    widens: 'retention',
    re: new RegExp(`\\b(?:for\\s+)?(?:as|so)\\s+long\\s+as\\s+(?:(?:is|it\\s+is|they\\s+are|may\\s+be)\\s+)?(?:reasonably\\s+)?${OPEN_QUALITY}\\b`, 'giu'),
    messageId: 'open-retention',
    context: KEEPING,
    unless: DEFINITE_PERIOD,
    negatable: false,
  },
  {
    widens: 'retention',
    re: new RegExp(`\\b(?:for\\s+)?(?:as|so)\\s+long\\s+as\\s+${DECIDER}${JUDGES}(?:\\s+(?:it|them|this|the\\s+data|the\\s+information))?(?:\\s+to\\s+be)?(?:\\s+${OPEN_QUALITY})?\\b`, 'giu'),
    messageId: 'open-retention',
    context: KEEPING,
    unless: DEFINITE_PERIOD,
    negatable: false,
  },
  {
    widens: 'retention',
    re: /\b(?:longer\s+than\s+(?:is\s+)?(?:necessary|needed|required)|until\s+(?:it\s+is\s+|they\s+are\s+)?no\s+longer\s+(?:needed|required|necessary))\b/giu,
    messageId: 'open-retention',
    context: KEEPING,
    unless: DEFINITE_PERIOD,
    negatable: false,
  },
  {
    widens: 'retention',
    re: /\bno\s+(?:time\s+limit|retention\s+(?:period|limit)|limit\s+on\s+(?:how\s+long|retention))\b/giu,
    context: /\b(?:retain\w*|retention|kept|keep\w*|held|hold\w*|stor\w*|delet\w*|destr\w*)\b/i,
  },
];

/** The declared purpose categories that name each broad use specifically. */
const BROAD_USE_CATEGORIES: readonly [RegExp, readonly string[]][] = [
  [/research/i, ['research']],
  [/population\s+health/i, ['population_health_management']],
  [/planning|commissioning/i, ['planning_commissioning', 'population_health_management', 'risk_stratification_commissioning']],
  [/improv|evaluation|development/i, ['service_evaluation', 'clinical_audit_local', 'national_clinical_audit']],
  [/statistic/i, ['official_statistics']],
];

/**
 * Whether every broad use the phrase lists is a declared purpose ("for research" in a research
 * agreement): then the text names the agreement's own purposes. "Any other purpose" never is.
 */
function broadUsesDeclared(a: Agreement, phrase: string): boolean {
  const declared = new Set<string>((a.purposes ?? []).map((p) => p.category ?? ''));
  const uses = phrase.replace(/^for\s+/i, '').split(/\s*(?:,|\band\b|\bor\b)\s*(?:for\s+)?/i).filter(Boolean);
  return uses.every((use) => BROAD_USE_CATEGORIES.some(([re, categories]) => re.test(use) && categories.some((c) => declared.has(c))));
}

/** Whether the structured part already says what the phrase says, so another rule owns it. */
function alreadyDeclared(a: Agreement, widens: Widens, phrase: string): boolean {
  switch (widens) {
    case 'access': {
      const flows = a.flows ?? [];
      const aboutSystem = !/records?$/i.test(phrase);
      return flows.some((f) => sharesAllFields(a, f) && (!aboutSystem || f.access?.mode === 'live_system_access'));
    }
    case 'population':
      return coversAllPatients(a);
    case 'retention':
      return (a.retention ?? []).some((r) => r.period === 'indefinite');
    case 'purpose':
      return broadUsesDeclared(a, phrase);
  }
}

/** Where the structured part says the opposite, when it says anything. */
function structuredPlace(a: Agreement, widens: Widens): { at: Target; message: string } | undefined {
  const key = (path: Path): Target => ({ path, part: 'key' });
  switch (widens) {
    case 'access':
      return a.flows ? { at: key(['flows']), message: 'The flows say who can see which data, and how.' } : undefined;
    case 'population':
      return a.population ? { at: key(['population']), message: 'The population says whose records are shared.' } : undefined;
    case 'purpose':
      return a.purposes ? { at: key(['purposes']), message: 'These are the purposes the agreement declares.' } : undefined;
    case 'retention':
      return a.retention ? { at: key(['retention']), message: 'These are the retention periods the agreement sets.' } : undefined;
  }
}
export default defineRule({
  id: 'prose-widens-scope',
  meta: {
    title: 'The text of a Markdown agreement must not widen what its structured part allows',
    description:
      'In a Markdown agreement, reports body text that gives wider access, covers more patients, keeps data longer or allows more purposes than the ' +
      'YAML front matter: "full access to the clinical system", "all patient records", "retained indefinitely", "any other purpose".',
    rationale:
      'A Markdown agreement has two parts: the structured front matter that dsalint checks, and the text people read and sign. If the text says ' +
      'more than the structure — "the ICB will have full access to the clinical system", "for any other lawful purpose", "records will be retained ' +
      'indefinitely" — the signed agreement allows what the checked one does not, and the checks give false comfort. Whole-system access was the ' +
      'pattern the ICO advised breaches data minimisation; open-ended purposes and indefinite retention breach purpose and storage limitation.\n\n' +
      'dsalint looks for these phrases in paragraphs and headings (not in code blocks), across bold or italic markup. Phrases about every ' +
      'patient count only in a sentence about reaching the records (shared, accessed, searched, covered): "all patient records are held ' +
      'securely" describes the practice, not the sharing. It stays quiet when the ' +
      'sentence denies the phrase ("will not be used for any other purpose", "use for any other purpose is prohibited"), and when the structured ' +
      'part already says the same (a flow sharing the whole record, a population of every patient, an indefinite retention period): the rules for ' +
      'those own that finding. The reading is plain, not a parse: a negation elsewhere in the same sentence also silences it, and phrasing it does ' +
      'not know is missed. Add your own phrases with the `phrases` option.',
    fix:
      'Remove the phrase, or reword the text to match the structured part (who can see which data, for which patients, for which purposes, for how ' +
      'long). If the wider sharing is really intended, declare it in the front matter, where dsalint will check it.',
    severity: 'error',
    severityReason:
      'Wider access, population or retention in the signed text authorises what the checked agreement does not (error); an open-ended purpose is ' +
      'vague rather than a declared new use (warning).',
    area: 'text',
    importance: 520,
    tags: ['prose', 'minimisation', 'purpose-limitation', 'storage-limitation', 'caldicott-3'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(b), (c) and (e) (purpose limitation, data minimisation, storage limitation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      {
        instrument: 'ICO: data minimisation',
        url: 'https://ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-protection-regulation-gdpr/principles/data-minimisation/',
      },
    ],
    optionsSchema: {
      type: 'object',
      properties: {
        phrases: {
          type: 'array',
          description:
            'More phrases to look for, added to the built-in ones: each a phrase (matched whole-word, ignoring case and spacing) and what it widens ' +
            '(access, population, purpose or retention).',
          items: {
            type: 'object',
            properties: {
              phrase: { type: 'string', minLength: 1, description: 'The words to look for, such as "for any purpose whatsoever".' },
              widens: { type: 'string', enum: ['access', 'population', 'purpose', 'retention'], description: 'What the phrase widens; decides the message and severity.' },
            },
            required: ['phrase', 'widens'],
            additionalProperties: false,
          },
          default: [],
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { phrases: [] } as Options,
    messages: {
      access: {
        text: [
          'The text says "{{phrase}}", but no flow in the structured agreement gives access to the whole record or system. What the text promises is ',
          'part of what is signed: remove it, or reword it to match the flows (who can see which data, and how).',
        ],
        request: 'Ask {{drafter}} to limit access to the relevant records of each patient the purpose needs, disclosed per request, instead of "{{phrase}}".',
      },
      population: {
        text: [
          'The text says "{{phrase}}", but the structured agreement does not cover every patient. Remove it, or reword it to match the population ',
          '(whose records are shared).',
        ],
        request: 'Ask {{drafter}} to limit the sharing to the patients each purpose needs, instead of "{{phrase}}".',
      },
      purpose: {
        text: [
          'The text says "{{phrase}}", an open-ended purpose. The data may be used only for the purposes the agreement lists: remove the phrase, or ',
          'declare each further purpose under `purposes` with its lawful basis.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} to remove "{{phrase}}", so that the data is used only for the purposes the agreement names.',
      },
      'open-retention': {
        text: [
          'The text keeps the data "{{phrase}}" and sets no period, so it could be kept for ever. Ask for a fixed retention period for each party (such as ',
          '"6 months after the case closes") and how the data is destroyed at the end of it.',
        ],
        request: 'Ask {{drafter}} for a fixed retention period for each party instead of "{{phrase}}", and how the data is destroyed at the end of it.',
      },
      'broad-purpose': {
        text: [
          'The text allows use "{{phrase}}" without saying which study, service or plan. Broad uses like these are open-ended: ask for each use to be ',
          'named, with its lawful basis (for research, the study and its approval), or for the words to be removed.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} to name each use in "{{phrase}}" (which study, service or plan) with its lawful basis, or to remove it.',
      },
      retention: {
        text: [
          'The text says "{{phrase}}", but the structured agreement does not keep data without limit. Keeping patient data longer than needed breaks ',
          'storage limitation: remove the phrase, or reword it to match the retention periods.',
        ],
        request: 'Ask {{drafter}} for a fixed retention period instead of "{{phrase}}", and how the data is destroyed at the end of it.',
      },
    },
    examples: {
      valid: [
        {
          title: 'text that narrows rather than widens',
          markdown: true,
          agreement: markdown`
            ---
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny }
            population: { scope: per_case }
            ---

            The medical examiner sees records of the deceased patient only. The data will not be used for any other purpose.
          `,
        },
      ],
      invalid: [
        {
          title: 'whole-system access promised in the text',
          markdown: true,
          agreement: markdown`
            ---
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny }
            population: { scope: per_case }
            ---

            The medical examiner will have **full access** to the clinical system.
          `,
          findings: [{ messageId: 'access', text: 'full access** to the clinical system' }],
        },
        {
          title: 'an open-ended purpose',
          markdown: true,
          agreement: markdown`
            ---
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny }
            population: { scope: per_case }
            ---

            Records may also be used for any other lawful purpose.
          `,
          findings: [{ messageId: 'purpose', text: 'any other lawful purpose' }],
        },
      ],
    },
  },
  check({ agreement: a, source, options, report }) {
    if (source.kind !== 'markdown' || !source.markdown) return;
    const patterns: Pattern[] = [...BUILT_IN, ...options.phrases.map((p) => ({ widens: p.widens, re: phrasePattern(p.phrase) }))];
    for (const block of proseBlocks(source.markdown, source.text)) {
      const found: { start: number; end: number; widens: Widens; messageId: MessageId; negatable: boolean }[] = [];
      for (const pattern of patterns) {
        // Matches in one sentence share its reading: a long paragraph is read once per pattern, not once per match.
        let sentenceRead: { from: number; to: number; fits: boolean } | undefined;
        for (const m of block.text.matchAll(pattern.re)) {
          const start = m.index ?? 0;
          const end = start + m[0].length;
          if (pattern.context || pattern.unless) {
            const { from, to } = sentenceBounds(block, start, end);
            if (sentenceRead?.from !== from || sentenceRead.to !== to) {
              const sentence = block.text.slice(from, to);
              sentenceRead = { from, to, fits: (!pattern.context || pattern.context.test(sentence)) && !pattern.unless?.test(sentence) };
            }
            if (!sentenceRead.fits) continue;
          }
          if (pattern.narrowedBy?.test(block.text.slice(end, end + 40))) continue;
          found.push({ start, end, widens: pattern.widens, messageId: pattern.messageId ?? pattern.widens, negatable: pattern.negatable !== false });
        }
      }
      // One finding per place: the earliest, longest match wins where phrases overlap.
      found.sort((x, y) => x.start - y.start || y.end - x.end);
      let covered = -1;
      for (const f of found) {
        if (f.start < covered) continue;
        covered = f.end;
        const phrase = block.text.slice(f.start, f.end).replace(/\s+/g, ' ');
        if ((f.negatable && isNegated(block, f.start, f.end)) || alreadyDeclared(a, f.widens, phrase)) continue;
        const place = structuredPlace(a, f.widens);
        report({
          messageId: f.messageId,
          data: { phrase },
          at: { offsets: fileOffsets(block, f.start, f.end) },
          ...(place ? { related: [place] } : {}),
        });
      }
    }
  },
});
