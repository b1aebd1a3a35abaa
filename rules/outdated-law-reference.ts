import type { Agreement } from '../src/generated/agreement.js';
import { defineRule, type Target, yaml, markdown } from '../src/core/rule.js';
import { isPostDuaa } from '../src/core/facts.js';
import { allTextFields, fieldMatches } from '../src/core/text-fields.js';

interface OutdatedTerm {
  readonly pattern: RegExp;
  /** Why it is out of date. */
  readonly why: string;
  /** What to cite instead. */
  readonly instead: string;
  /** Only out of date for agreements judged after a date, or under the post-DUAA law. */
  readonly applies?: (a: Agreement, asOf: string) => boolean;
}

/** The UK GDPR replaced the EU GDPR in UK law at the end of the transition period, 31 December 2020. */
const AFTER_2020 = (a: Agreement, asOf: string): boolean => (a.dates?.effective_from ?? asOf) > '2020-12-31';

const TERMS: readonly OutdatedTerm[] = [
  {
    pattern: /\bData\s+Protection\s+Act\s+1998\b|\bDPA\s+(?:19)?98\b/gi,
    why: 'that Act was repealed on 25 May 2018',
    instead: 'the Data Protection Act 2018 and UK GDPR, and check the bases were reassessed under them',
  },
  {
    pattern: /\bData\s+Protection\s+Directive\b|\bDirective\s+95\/46\/EC\b/gi,
    why: 'the Directive was replaced by the GDPR in 2018 and no longer applies in the UK',
    instead: 'UK GDPR and the Data Protection Act 2018',
  },
  {
    pattern: /\bsensitive\s+personal\s+data\b/gi,
    why: '"sensitive personal data" was a Data Protection Act 1998 term',
    instead: '"special category data" (UK GDPR Art 9), and "criminal offence data" (Art 10) for offences',
  },
  {
    pattern: /\bEU\s+GDPR\b|\bEU\s+General\s+Data\s+Protection\s+Regulation\b|\bRegulation\s+\(EU\)\s+2016\/679\b/gi,
    why: 'since 1 January 2021 the law in the UK is the UK GDPR, not the EU GDPR',
    instead: 'the UK GDPR (and the Data Protection Act 2018) as the governing law',
    applies: AFTER_2020,
  },
  {
    pattern: /\b(?:Information\s+Governance|IG)\s+Toolkit\b/gi,
    why: 'the IG Toolkit was replaced by the Data Security and Protection Toolkit in April 2018',
    instead: 'the Data Security and Protection Toolkit (DSPT) and each party\'s latest published status',
  },
  {
    pattern: /\bResearch\s+Governance\s+Framework\b/gi,
    why: 'the Research Governance Frameworks were replaced in 2017',
    instead: 'the UK Policy Framework for Health and Social Care Research',
  },
  {
    pattern: /\b(?:six|seven|6|7)\s+Caldicott\s+principles\b|\b(?:1997|2013)\s+Caldicott\s+principles\b|\bCaldicott\s+principles\s+\(?(?:1997|2013)\)?/gi,
    why: 'there have been eight Caldicott Principles since the National Data Guardian revised them in December 2020',
    instead: 'the eight Caldicott Principles (2020), including Principle 8, inform patients and service users',
  },
  {
    pattern: /\b(?:NHS\s+Trusts\s+and\s+Primary\s+Care\s+Trusts\s+)?\(?Sexually\s+Transmitted\s+Diseases\)?\s+Directions(?:\s+2000)?\b|\bSTD\s+Directions\b/gi,
    why: 'the Sexually Transmitted Diseases Directions 2000 were revoked on 12 October 2023',
    instead: 'UK GDPR, the duty of confidentiality and NHS England\'s guidance on HIV and STI information',
  },
  {
    pattern: /\bArt(?:icle)?\.?\s*6\s*\(\s*4\s*\)/gi,
    why: 'the Data (Use and Access) Act 2025 replaced the Art 6(4) compatibility test with Art 8A and Annex 2 from 5 February 2026',
    instead: 'UK GDPR Art 8A (and an Annex 2 condition where one applies)',
    applies: (a) => isPostDuaa(a),
  },
  {
    pattern: /\bClinical\s+Commissioning\s+Groups?\b|\bCCGs?\b/g,
    why: 'clinical commissioning groups were abolished on 1 July 2022 and their functions passed to integrated care boards',
    instead: 'the integrated care board (ICB) that took on the function, by its legal name',
  },
  {
    pattern: /\bNHS\s+Digital\b|\bHealth\s+and\s+Social\s+Care\s+Information\s+Centre\b|\bHSCIC\b/g,
    why: 'NHS Digital (formerly the HSCIC) merged into NHS England on 1 February 2023',
    instead: 'NHS England',
  },
  {
    pattern: /\bPublic\s+Health\s+England\b/g,
    why: 'Public Health England was replaced on 1 October 2021',
    instead: 'the UK Health Security Agency or the Office for Health Improvement and Disparities, whichever took on the function',
  },
];

/** A sentence that records the change rather than relying on the old law ("replaces the DPA 1998"). */
const HISTORICAL = /\b(?:replac\w*|repeal\w*|supersed\w*|revok\w*|formerly|previously|no\s+longer|abolish\w*|successor|renamed|merged|instead\s+of|rather\s+than)\b/i;

/** Findings after the first for one term become related places, up to this many. */
const MAX_RELATED = 10;

export default defineRule({
  id: 'outdated-law-reference',
  meta: {
    title: 'Cite the law and bodies in force, not repealed ones',
    description:
      'Reports references to repealed or replaced law, guidance and bodies, in the structured fields and in the prose of a Markdown agreement: the ' +
      'Data Protection Act 1998, "sensitive personal data", the EU GDPR as governing law after 2020, the IG Toolkit, the Research Governance ' +
      'Framework, the seven Caldicott principles, the revoked STI Directions, Art 6(4) after 5 February 2026, CCGs, NHS Digital and Public Health England.',
    rationale:
      'An agreement that cites repealed law was probably written, or last reviewed, under that law; its bases, conditions and safeguards may never ' +
      'have been checked against the law that applies now. Reviewers read an outdated reference as a sign that the whole agreement needs review, and ' +
      'patients and partners cannot rely on rights or duties that no longer exist. Each finding names what replaced the reference:\n\n' +
      '- the Data Protection Act 1998 was repealed on 25 May 2018 by the Data Protection Act 2018, alongside the GDPR; its "sensitive personal data" ' +
      'is now special category data (UK GDPR Art 9) and criminal offence data (Art 10);\n' +
      '- since 1 January 2021 the governing law is the UK GDPR, not the EU GDPR;\n' +
      '- the Information Governance Toolkit was replaced by the Data Security and Protection Toolkit in April 2018;\n' +
      '- the Research Governance Frameworks were replaced by the UK Policy Framework for Health and Social Care Research (2017);\n' +
      '- there are eight Caldicott Principles since December 2020 (there were seven from 2013);\n' +
      '- the NHS Trusts and Primary Care Trusts (Sexually Transmitted Diseases) Directions 2000 were revoked on 12 October 2023;\n' +
      '- from 5 February 2026 the Data (Use and Access) Act 2025 replaced the Art 6(4) compatibility test with Art 8A and Annex 2 (reported only for ' +
      'an agreement judged under the amended law);\n' +
      '- clinical commissioning groups were abolished on 1 July 2022 (Health and Care Act 2022), NHS Digital merged into NHS England on 1 February ' +
      '2023, and Public Health England ceased operating on 30 September 2021, its functions passing to the UK Health Security Agency, the Office for ' +
      'Health Improvement and Disparities (in DHSC), NHS England and NHS Digital from 1 October 2021.\n\n' +
      'A sentence that records the change ("the Data Protection Act 2018, which replaced the DPA 1998") is not reported, nor is the version history, ' +
      'nor an agreement that has expired, been withdrawn or been superseded. ' +
      'Each term is reported once, at its first place, with the other places listed.',
    fix: 'Replace each reference with the law, guidance or body now in force, and check that what the agreement says still holds under it.',
    severity: 'warning',
    severityReason: 'An outdated reference is a strong sign the agreement was not reassessed, but the sharing itself may still be lawful.',
    area: 'C',
    importance: 470,
    tags: ['lawful-basis', 'accountability', 'lifecycle'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'Data Protection Act 1998 (repealed)', url: 'https://www.legislation.gov.uk/ukpga/1998/29/contents' },
      {
        instrument: 'Data Protection Act 2018',
        provision: 's212(1) and Sch 19 para 44 (the 1998 Act repealed, except s62 and Sch 15 paras 13, 15, 16, 18 and 19, from 25 May 2018; S.I. 2018/625 reg 2(1)(g))',
        url: 'https://www.legislation.gov.uk/ukpga/2018/12/schedule/19/paragraph/44',
      },
      {
        instrument: 'ICO: What is special category data?',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/special-category-data/what-is-special-category-data/',
      },
      { instrument: 'UK GDPR', url: 'https://www.legislation.gov.uk/eur/2016/679/contents' },
      { instrument: 'Data Security and Protection Toolkit', url: 'https://www.dsptoolkit.nhs.uk/' },
      {
        instrument: 'Health Research Authority: UK Policy Framework for Health and Social Care Research',
        url: 'https://www.hra.nhs.uk/planning-and-improving-research/policies-standards-legislation/uk-policy-framework-health-social-care-research/',
      },
      {
        instrument: 'National Data Guardian: revised and expanded Caldicott Principles (December 2020)',
        url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020',
      },
      {
        instrument: 'NHS Trusts and Primary Care Trusts (Sexually Transmitted Diseases) Revocation Directions 2023',
        url: 'https://www.gov.uk/government/publications/nhs-trusts-and-primary-care-trusts-sexually-transmitted-diseases-revocation-directions-2023',
      },
      { instrument: 'Data (Use and Access) Act 2025', provision: 's71 (Art 6(4) omitted; Art 8A and Annex 2 inserted)', url: 'https://www.legislation.gov.uk/ukpga/2025/18/section/71' },
      { instrument: 'Health and Care Act 2022', provision: 'integrated care boards established and clinical commissioning groups abolished', url: 'https://www.legislation.gov.uk/ukpga/2022/31/contents' },
      {
        instrument: 'Health and Care Act 2022 (Consequential and Related Amendments and Transitional Provisions) Regulations 2022 (S.I. 2022/634)',
        provision: 'Part 2 (establishment of integrated care boards and abolition of clinical commissioning groups), in force 1 July 2022',
        url: 'https://www.legislation.gov.uk/uksi/2022/634/contents/made',
      },
      { instrument: 'NHS England news: NHS Digital and NHS England complete merger (February 2023)', url: 'https://www.england.nhs.uk/2023/02/nhs-digital-and-nhs-england-complete-merger/' },
      {
        instrument: 'UK Health Security Agency (Public Health England\'s functions passed to it, to OHID in DHSC, NHS England and NHS Digital from 1 October 2021)',
        url: 'https://www.gov.uk/government/organisations/uk-health-security-agency',
        unverified: true,
      },
    ],
    defaultOptions: {},
    messages: {
      outdated: {
        text: '"{{found}}" is out of date: {{why}}. Cite {{instead}} instead.{{more}}',
        request: 'Ask {{drafter}} to replace "{{found}}" with {{instead}}: {{why}}.',
      },
    },
    examples: {
      valid: [
        {
          title: 'current law cited',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01 }
            purposes:
              - id: care
                lawful_basis:
                  legislation: [Data Protection Act 2018 Sch 1 para 2]
          `,
        },
      ],
      invalid: [
        {
          title: 'the repealed 1998 Act',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01 }
            purposes:
              - id: care
                lawful_basis:
                  legislation: [Data Protection Act 1998 s29]
          `,
          findings: [{ messageId: 'outdated', text: 'Data Protection Act 1998' }],
        },
        {
          title: 'the IG Toolkit in the prose',
          markdown: true,
          agreement: markdown`
            ---
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01 }
            ---

            Each party keeps its IG Toolkit score at level 2.
          `,
          findings: [{ messageId: 'outdated', text: 'IG Toolkit' }],
        },
      ],
    },
  },
  check({ agreement: a, document, source, asOf, report }) {
    // An agreement that has ended, or been replaced, is a record of its time; only one still in force needs its law brought up to date.
    if (a.status === 'expired' || a.status === 'withdrawn' || a.superseded_by !== undefined) return;
    const fields = allTextFields(document, source, new Set(['history']));
    for (const term of TERMS) {
      if (term.applies && !term.applies(a, asOf)) continue;
      const places: { at: Target; found: string }[] = [];
      for (const { field, match: m } of fieldMatches(fields, term.pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        if (field.sentenceHas(HISTORICAL, start, end)) continue;
        places.push({ at: field.path ? { offsets: field.offsets(start, end), path: field.path } : { offsets: field.offsets(start, end) }, found: m[0].replace(/\s+/g, ' ') });
      }
      const [first, ...rest] = places;
      if (!first) continue;
      const more = rest.length === 0 ? '' : ` It appears ${rest.length === 1 ? 'once more' : `${rest.length} more times`}.`;
      report({
        messageId: 'outdated',
        data: { found: first.found, why: term.why, instead: term.instead, more },
        at: first.at,
        related: rest.slice(0, MAX_RELATED).map((p) => ({ at: p.at, message: `"${p.found}" is also cited here.` })),
      });
    }
  },
});
