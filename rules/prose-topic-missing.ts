import { defineRule, markdown } from '../src/core/rule.js';
import { isImported } from '../src/core/imported.js';
import { proseBlocks, isNegated, type ProseBlock } from '../src/core/prose.js';

type Topic = 'retention' | 'breach' | 'caldicott' | 'dpo' | 'dpia' | 'review' | 'termination' | 'rights';

/**
 * How the text shows it addresses each topic. Word stems and inflections are spelled out so
 * that "retained", "retention" and "retaining" all count; a mention the sentence denies does
 * not ("no DPIA is needed" does not address the DPIA).
 */
const TOPICS: readonly { readonly topic: Topic; readonly re: RegExp }[] = [
  { topic: 'retention', re: /\b(?:retain(?:s|ed|ing)?|retention|(?:kept|keeps?|keeping|stor(?:e|es|ed|ing)|hold(?:s|ing)?|held)\b[^.;:]{0,40}?\bfor|destr(?:oy|oys|oyed|oying|uction)|delet(?:e|es|ed|ing|ion)|dispos(?:e|ed|al)\s+of)\b/i },
  { topic: 'breach', re: /\b(?:breach(?:es)?|(?:security|data|information\s+governance)\s+incidents?|incident\s+(?:management|reporting))\b/i },
  { topic: 'caldicott', re: /\bCaldicott\s+Guardians?\b/i },
  { topic: 'dpo', re: /\b(?:Data\s+Protection\s+Officers?|DPOs?)\b/ },
  { topic: 'dpia', re: /\b(?:(?:data\s+protection|privacy)\s+impact\s+assessments?|DPIAs?)\b/i },
  {
    topic: 'review',
    re: /\b(?:review(?:ed)?\s+(?:date|annually|yearly|every|at\s+least|within|by|on|no\s+later)|(?:annual|yearly|periodic|regular|formal)\s+review|review\s+(?:of|this)\s+(?:this|the)?\s*agreement)\b/i,
  },
  { topic: 'termination', re: /\b(?:terminat(?:e|es|ed|ing|ion)|notice\s+period|withdraw(?:s|n|al)?\s+from\s+(?:this|the)\s+agreement|(?:end|expiry)\s+of\s+(?:this|the)\s+agreement)\b/i },
  {
    topic: 'rights',
    re: /\b(?:(?:data\s+subjects?|individuals?|patients?)['’]?\s+rights?|subject\s+access|right\s+(?:of\s+access|to\s+(?:access|object|rectification|erasure|be\s+informed|restrict))|object(?:s|ion|ions)?\s+to|opt[\s-]?outs?|privacy\s+notices?|fair\s+processing)\b/i,
  },
];

/** The topics that the text addresses somewhere, each found in one pass of its pattern over each block. */
export function topicsAddressed(blocks: readonly ProseBlock[]): Set<Topic> {
  const found = new Set<Topic>();
  for (const { topic, re } of TOPICS) {
    const global = new RegExp(re.source, `${re.flags}g`);
    search: for (const block of blocks) {
      for (const m of block.text.matchAll(global)) {
        const start = m.index ?? 0;
        if (!isNegated(block, start, start + m[0].length)) {
          found.add(topic);
          break search;
        }
      }
    }
  }
  return found;
}export default defineRule({
  id: 'prose-topic-missing',
  meta: {
    title: 'An imported agreement\'s text must address retention, breaches, sign-off, DPIA, review, termination and patients\' rights',
    description:
      'For an agreement made by `dsalint import`, reports each topic the document\'s text never addresses: how long data is kept, how breaches are ' +
      'handled, Caldicott Guardian and Data Protection Officer sign-off, the DPIA, the review date, termination, and patients\' rights. One finding per ' +
      'topic, for the whole document.',
    rationale:
      'A data sharing agreement that is silent on a topic leaves it to whoever holds the data. The ICO data sharing code expects an agreement to cover ' +
      'retention and deletion, security breaches, individuals\' rights, review and termination; NHS bodies expect the Caldicott Guardian and the Data ' +
      'Protection Officer to have signed it off and a DPIA to have been done for sharing that is likely to be high risk.\n\n' +
      'For an imported document the structured front matter is only a draft, so a missing fact there says little: the text is what is signed. This ' +
      'rule reads the text (paragraphs, headings and table cells) for each topic, accepting any inflection ("retained", "retention") and ignoring a ' +
      'mention that the sentence denies ("no DPIA is needed" does not address the DPIA). The structural rules\' "missing" findings for the same facts ' +
      'are left out of an imported agreement\'s report, so each gap is reported once. It runs only on imported agreements.',
    fix: 'Ask the sender to add a clause on the topic. Once it is in the text, record the fact in the front matter too, so the other checks can run on it.',
    severity: 'error',
    severityReason:
      'Silence on retention, breaches, Caldicott sign-off or the DPIA lets the sharing run unchecked (error); silence on review, termination, the DPO or ' +
      'rights is a gap to close before signing (warning).',
    area: 'text',
    importance: 535,
    tags: ['prose', 'imported', 'storage-limitation', 'accountability', 'transparency'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'data sharing agreements: what to include',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
      },
      { instrument: 'UK GDPR', provision: 'Art 5(1)(e) (storage limitation), Art 33 (breach notification), Art 35 (DPIA), Arts 12-22 (rights)', url: 'https://www.legislation.gov.uk/eur/2016/679/contents' },
      { instrument: 'The Caldicott Principles', provision: 'the Caldicott Guardian\'s role', url: 'https://www.gov.uk/government/publications/the-caldicott-principles' },
    ],
    defaultOptions: {},
    messages: {
      retention: {
        text: 'The document never says how long the data is kept or how it is destroyed. Ask for a retention period for each party and how the data is destroyed at the end of it.',
        request: 'Ask {{drafter}} for a retention period for each party and how the data is destroyed at the end of it.',
      },
      breach: {
        text: 'The document never says how a personal data breach is handled. Ask for a breach clause: who to tell, how fast (within 24 hours between the parties), and who reports to the ICO.',
        request: 'Ask {{drafter}} for a breach clause: whom to tell, how fast (within 24 hours between the parties), and which party reports to the ICO.',
      },
      caldicott: {
        text: 'The document never mentions a Caldicott Guardian. Ask for each party\'s Caldicott Guardian to sign off the agreement.',
        request: 'Ask for each party\'s Caldicott Guardian to sign off the agreement.',
      },
      dpo: {
        text: 'The document never mentions a Data Protection Officer. Ask for each party\'s DPO to review the agreement before it is signed.', severity: 'warning',
        request: 'Ask for each party\'s Data Protection Officer to review the agreement before it is signed.',
      },
      dpia: {
        text: 'The document never mentions a data protection impact assessment (DPIA). Ask for the DPIA that covers this sharing, or the reason none is needed.',
        request: 'Ask {{drafter}} for the data protection impact assessment (DPIA) that covers this sharing, or the reason none is needed.',
      },
      review: {
        text: 'The document never says when it will be reviewed. Ask for a review date, at least every year.', severity: 'warning',
        request: 'Ask {{drafter}} for a review date, at least every year.',
      },
      termination: {
        text: 'The document never says how it ends. Ask for a termination clause: the notice each party gives and what happens to the shared data.', severity: 'warning',
        request: 'Ask {{drafter}} for a termination clause: the notice each party gives and what happens to the shared data.',
      },
      rights: {
        text: 'The document never says how patients can see, correct or object to the use of their records. Ask for a clause on patients\' rights, with a contact and how objections are handled.',
        severity: 'warning',
        request: 'Ask {{drafter}} for a clause on patients\' rights: whom they contact to see, correct or object to the use of their records, and how objections are handled.',
      },
    },
    examples: {
      valid: [{
        title: 'an imported agreement that addresses every topic',
        markdown: true,
        agreement: markdown`
          ---
          dsalint: 1
          id: NS-DSA-014
          title: Example
          imported: { from: proposed.docx }
          ---

          1.1 Records are retained for 8 years and then destroyed. 1.2 Breaches are reported within 24 hours. 1.3 The review date is 1 April 2027. 1.4 Either party may terminate this agreement on 3 months' notice. 1.5 Patients may object to the sharing; see the privacy notice. 1.6 A DPIA was completed and the Data Protection Officer and Caldicott Guardian of each party signed it.
        `,
      }],
      invalid: [
        {
          title: 'an imported agreement silent on retention',
          markdown: true,
          agreement: markdown`
            ---
            dsalint: 1
            id: NS-DSA-014
            title: Example
            imported: { from: proposed.docx }
            ---

            1.2 Breaches are reported within 24 hours. 1.3 The review date is 1 April 2027. 1.4 Either party may terminate this agreement on 3 months' notice. 1.5 Patients may object to the sharing; see the privacy notice. 1.6 A DPIA was completed and the Data Protection Officer and Caldicott Guardian of each party signed it.
          `,
          findings: [{ messageId: 'retention', at: 'imported', part: 'key' }],
        },
        {
          title: 'an imported agreement that denies needing a DPIA',
          markdown: true,
          agreement: markdown`
            ---
            dsalint: 1
            id: NS-DSA-014
            title: Example
            imported: { from: proposed.docx }
            ---

            1.1 Records are retained for 8 years and then destroyed. 1.2 Breaches are reported within 24 hours. 1.3 The review date is 1 April 2027. 1.4 Either party may terminate this agreement on 3 months' notice. 1.5 Patients may object to the sharing; see the privacy notice. 1.6 No DPIA is needed. The Data Protection Officer and Caldicott Guardian of each party signed it.
          `,
          findings: [{ messageId: 'dpia', at: 'imported', part: 'key' }],
        },
      ],
    },
  },
  check({ agreement, source, report }) {
    if (!isImported(agreement) || source.kind !== 'markdown' || !source.markdown) return;
    const addressed = topicsAddressed(proseBlocks(source.markdown, source.text));
    for (const { topic } of TOPICS) if (!addressed.has(topic)) report({ messageId: topic, at: { path: ['imported'], part: 'key' } });
  },
});
