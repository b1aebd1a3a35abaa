import { isScalar } from 'yaml';
import { defineRule, type Target, yaml, type Path } from '../src/core/rule.js';
import { phrasePattern } from '../src/core/prose.js';

interface Options {
  readonly min_description_length: number;
  readonly extra_phrases: readonly string[];
}

/**
 * Open-ended wording that lets a purpose grow without anyone agreeing to it. Words are joined
 * by `\s+` so a phrase folded over two lines of YAML is still found in the source text.
 */
const OPEN_ENDED: readonly RegExp[] = [
  /\bincluding,?\s+but\s+not\s+limited\s+to\b/i,
  /\bany\s+(?:other\s+)?(?:lawful\s+|legitimate\s+)?purposes?\b/i,
  /\bsuch\s+other\s+purposes?\b/i,
  /\band\s+(?:other\s+|related\s+|other\s+related\s+)purposes?\b/i,
  // "as required by the Care Act 2014 s45" names what requires it; a bare "as required" does not.
  /\bas\s+(?:may\s+be\s+)?required\b(?!\s+(?:by|under)\b)/i,
  /\bfrom\s+time\s+to\s+time\b/i,
  /\bfuture\s+(?:uses?|purposes?|research)\b/i,
  /\bresearch\s+and\s+(?:other|related)\b/i,
  /\betc\b\.?/i,
];

/** A negation shortly before a phrase ("will not be used for any other purpose") turns it into a limit. */
const NEGATED = /\b(?:not\b(?!\s+limited)|never\b|no\b|nor\b)[^.;:]{0,40}$/i;

/**
 * Words that say nothing about what is done with the data: filler, the parties, and the general aims of any
 * health service. A description made only of these ("provision of care services", "to support partners to
 * improve outcomes") names no activity or decision.
 */
const GENERIC_WORDS = new Set(
  (
    'a an the of and or for in on at to with by from as into our their its this that these those all any other such more ' +
    'partner partners partnership organisation organisations organization organizations agency agencies party parties system systems ' +
    'provision provide provides providing provided support supports supporting supported deliver delivers delivering delivery ' +
    'care caring services service health healthcare social wellbeing well being patient patients people person residents users user ' +
    'population public community communities citizens improve improves improving improved improvement improvements better best ' +
    'outcome outcomes quality benefit benefits effective effectiveness efficient efficiency purpose purposes data information sharing share ' +
    'shared enable enables enabling facilitate facilitating ensure ensuring including related general wider whole integrated integration joined ' +
    'up help helps helping work works working together collaboration collaborative collaboratively across local area areas region regional ' +
    'nhs need needs appropriate relevant legitimate lawful business required high safe safely secure securely continuity seamless holistic ' +
    'person-centred joined-up coordinated co-ordinated improving experience experiences'
  ).split(/\s+/),
);

/** Whether a description names anything beyond generic aims: some word that is not in GENERIC_WORDS. */
function namesAnActivity(description: string): boolean {
  return description.toLowerCase().split(/[^a-z0-9'-]+/).some((w) => w !== '' && !GENERIC_WORDS.has(w));
}

export default defineRule({
  id: 'vague-purpose',
  meta: {
    title: 'Purposes must be specific',
    description:
      'Reports a purpose with no category, no description or a very short one, open-ended wording such as "including but not limited to", ' +
      '"any other lawful purpose", "from time to time" or "etc", and (for review) a description that names no activity or decision.',
    rationale:
      'UK GDPR Art 5(1)(b) requires purposes to be specified and explicit. Wording such as "including but not limited to", "and related purposes" or "as required" ' +
      'lets the sharing grow beyond what was agreed without anyone deciding it (function creep), and patients cannot tell from it what their records are used for. ' +
      'The category lets dsalint (and readers) tell direct care from secondary uses, and whether the opt-outs apply.\n\n' +
      'Phrases are not reported when a negation comes shortly before them ("will not be used for any other purpose" is a limit, not an opening), ' +
      'and "as required by" or "as required under" a named law is specific enough. Text heuristics can still misfire, so this is a warning.\n\n' +
      'A description made only of general aims ("provision of care services", "to support partners to improve outcomes") names no activity or ' +
      'decision at all; it is reported for review, since dsalint cannot be sure what the words leave out.',
    fix:
      'Give each purpose a `category`, and describe it specifically enough that a patient would recognise it: who uses the data, for what, and when. ' +
      'Replace open-ended wording with the uses intended; anything else needs its own purpose entry, or an agreement of its own.',
    severity: 'warning',
    severityReason: 'Vague wording is a drafting defect that enables purpose creep, and text heuristics can misfire.',
    area: 'B',
    importance: 540,
    tags: ['purpose-limitation', 'transparency', 'caldicott-1'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'UK GDPR',
        provision: 'Art 5(1)(b) (purpose limitation)',
        url: 'https://cy.ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/purpose-limitation/',
      },
    ],
    optionsSchema: {
      type: 'object',
      properties: {
        min_description_length: { type: 'integer', minimum: 0, description: 'Descriptions shorter than this many characters are reported as too short to be specific.', default: 20 },
        extra_phrases: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'More open-ended phrases to report, matched as whole words, ignoring case and line breaks.',
          default: [],
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { min_description_length: 20, extra_phrases: [] } as Options,
    messages: {
      'no-category': {
        text: 'Purpose "{{purpose}}" has no category. Choose one, so that readers and dsalint can tell direct care from other uses and whether the opt-outs apply.',
        request: 'Ask {{drafter}} whether the purpose "{{purpose}}" is for patients\' own care or for another use (such as planning or research).',
      },
      'no-description': {
        text: 'Purpose "{{purpose}}" has no description. Describe it specifically enough that a patient would recognise it.',
        request: 'Ask {{drafter}} to describe the purpose "{{purpose}}" specifically enough that a patient would recognise it.',
      },
      'short-description': {
        text: 'The description of purpose "{{purpose}}" is {{length}} characters long, too short to say specifically what the data is used for (at least {{min}} expected).',
        request: 'Ask {{drafter}} to describe the purpose "{{purpose}}" specifically enough that a patient would recognise it.',
      },
      'no-activity': {
        text: [
            'The description of purpose "{{purpose}}" ("{{description}}") names no activity or decision, only general aims. Ask what is actually done ',
            'with the data, by whom and for what decision (such as "scrutiny of the cause of death by a medical examiner"), and describe that.',
          ],
        kind: 'review',
        request: 'Ask {{drafter}} what is actually done with the data for the purpose "{{purpose}}" ("{{description}}"), by whom and for what decision.',
      },
      'open-ended': {
        text: [
            'The description of purpose "{{purpose}}" uses open-ended wording ("{{phrase}}"), which lets the sharing grow beyond what was agreed. ',
            'Name the uses intended instead; anything else needs a purpose of its own.',
          ],
        request: 'Ask {{drafter}} to name the uses intended for the purpose "{{purpose}}" instead of "{{phrase}}".',
      },
    },
    examples: {
      valid: [
        {
          title: 'a specific purpose',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - id: me-scrutiny
                category: medical_examiner_scrutiny
                description: Independent scrutiny of the cause of death of patients who died in the community.
          `,
        },
      ],
      invalid: [
        {
          title: 'open-ended wording',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - id: planning
                category: planning_commissioning
                description: Service planning, including but not limited to commissioning, etc.
          `,
          findings: [{ messageId: 'open-ended', text: 'including but not limited to' }, { messageId: 'open-ended', text: 'etc.' }],
        },
        {
          title: 'no category and a short description',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - id: analytics
                description: Analytics
          `,
          findings: [{ messageId: 'no-category', text: 'id: analytics' }, { messageId: 'short-description', text: 'Analytics' }],
        },
      ],
    },
  },
  check({ agreement: a, document, source, options, report }) {
    const patterns = [...OPEN_ENDED, ...options.extra_phrases.filter((p) => p.trim() !== '').map(phrasePattern)];
    (a.purposes ?? []).forEach((purpose, i) => {
      const base: Path = ['purposes', i];
      if (purpose.category === undefined) report({ messageId: 'no-category', data: { purpose: purpose.id }, at: [...base, 'category'] });
      const description = purpose.description;
      const at: Path = [...base, 'description'];
      if (description === undefined || description.trim() === '') {
        report({ messageId: 'no-description', data: { purpose: purpose.id }, at });
        return;
      }
      const length = description.trim().length;
      if (length < options.min_description_length) {
        report({ messageId: 'short-description', data: { purpose: purpose.id, length, min: options.min_description_length }, at });
      } else if (!namesAnActivity(description)) {
        report({ messageId: 'no-activity', data: { purpose: purpose.id, description: description.trim() }, at });
      }

      // Point at the phrase itself when the value's source text contains it (plain or quoted
      // scalars, possibly folded); otherwise (escapes, block scalars that differ) at the value.
      const node = document.getIn(at, true);
      const range = isScalar(node) ? node.range : undefined;
      const raw = range ? source.yamlText.slice(range[0], range[1]) : undefined;
      for (const pattern of patterns) {
        const inValue = firstUnnegated(pattern, description);
        if (!inValue) continue;
        const inSource = raw !== undefined && range ? firstUnnegated(pattern, raw) : undefined;
        const target: Target = inSource && range ? { offsets: [source.yamlOffset + range[0] + inSource.index, source.yamlOffset + range[0] + inSource.index + inSource.text.length], path: at } : at;
        report({ messageId: 'open-ended', data: { purpose: purpose.id, phrase: inValue.text.replace(/\s+/g, ' ') }, at: target });
      }
    });
  },
});

function firstUnnegated(pattern: RegExp, text: string): { index: number; text: string } | undefined {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (const m of text.matchAll(global)) {
    if (!NEGATED.test(text.slice(Math.max(0, m.index - 60), m.index))) return { index: m.index, text: m[0] };
  }
  return undefined;
}
