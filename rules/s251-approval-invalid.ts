import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { lastDayOf, purposeName } from '../src/core/facts.js';
import { formatDate } from '../src/core/summary.js';

interface Options {
  readonly reference_pattern: string;
}

/**
 * CAG references such as 21/CAG/0032, and the older committee style CAG 7-04(a)/2013
 * (also used by its predecessors, ECC and PIAG, for approvals still in force).
 */
const DEFAULT_PATTERN = '^(?:\\d{2}/CAG/\\d{4}|(?:CAG|ECC|PIAG) \\d{1,2}-\\d{2}\\([a-z]\\)/\\d{4})$';

/** A reference is short: a longer value is wrong without running the configured pattern over it. */
const MAX_REFERENCE_LENGTH = 200;

export default defineRule({
  id: 's251-approval-invalid',
  meta: {
    title: 'Section 251 support must be referenced and in date',
    description:
      'Reports a purpose that relies on section 251 support with no CAG reference, a reference that does not look like one, an approval that has expired, ' +
      'or (as a warning) an approval that ends before the agreement does.',
    rationale:
      'Section 251 support is specific to an applicant and a use, and time-limited: the national risk stratification approval CAG 7-04(a)/2013, for example, ' +
      'was extended only to the end of September 2022, after which each ICB had to apply for its own. Citing section 251 without a live approval is the same as having ' +
      'no common-law basis at all. Controllers disclosing under section 251 should check the approval letter or the CAG register, which needs the reference.',
    fix:
      'Record the CAG reference from the approval letter in `lawful_basis.s251.reference` and its end date in `lawful_basis.s251.expires`. ' +
      'If the approval has ended, stop the disclosures until it is renewed, or rely on another basis; if it ends before the agreement, plan the renewal.',
    severity: 'error',
    severityReason: 'An unreferenced or expired approval leaves the disclosure with no common-law basis; an approval ending before the agreement is a warning to plan its renewal.',
    area: 'C',
    importance: 245,
    tags: ['lawful-basis', 'confidentiality', 's251'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'Health Service (Control of Patient Information) Regulations 2002', provision: 'reg 5', url: 'https://www.hra.nhs.uk/about-the-hra/our-committees/section-251/' },
      { instrument: 'NHS England', provision: 'Risk stratification (CAG 7-04(a)/2013)', url: 'https://www.england.nhs.uk/ig/risk-stratification/' },
      {
        instrument: 'National data opt-out operational policy guidance',
        provision: 'Section 5.1 (check the section 251 approval letter)',
        url: 'https://digital.nhs.uk/services/national-data-opt-out/operational-policy-guidance-document/when-does-a-national-data-opt-out-apply',
      },
    ],
    optionsSchema: {
      type: 'object',
      properties: {
        reference_pattern: {
          type: 'string',
          minLength: 1,
          // Checked when the config is loaded, so a broken pattern is a config error, not a rule crash.
          format: 'regex',
          description: 'A regular expression that a CAG reference must match. The default accepts 21/CAG/0032 and CAG 7-04(a)/2013 (and the older ECC and PIAG forms).',
          default: DEFAULT_PATTERN,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { reference_pattern: DEFAULT_PATTERN } as Options,
    messages: {
      'no-reference': {
        text: 'Purpose {{purpose}} relies on section 251 support but gives no CAG reference. Record the reference from the approval letter (such as 21/CAG/0032) in lawful_basis.s251.reference.',
        request: 'Ask {{drafter}} for the Confidentiality Advisory Group reference of the section 251 support for {{purpose}}, from the approval letter.',
      },
      'bad-reference': {
        text: [
          'The section 251 reference "{{reference}}" for purpose {{purpose}} does not look like a Confidentiality Advisory Group reference (such as 21/CAG/0032 or CAG 7-04(a)/2013). ',
          'Copy it from the approval letter or the CAG register.',
        ],
        request: 'Ask {{drafter}} to check the section 251 reference "{{reference}}" for {{purpose}} against the approval letter: it does not look like a Confidentiality Advisory Group reference.',
      },
      expired: {
        text: [
          'The section 251 support for purpose {{purpose}} ended on {{expires}}. Without a live approval there is no common-law basis: stop the disclosures until CAG renews it, ',
          'or rely on another basis.',
        ],
        request: 'Ask {{drafter}} to stop the disclosures for {{purpose}} until the Confidentiality Advisory Group renews its support, which ended on {{expires}}, or to give another basis.',
      },
      'ends-before-agreement': {
        text: [
          'The section 251 support for purpose {{purpose}} ends on {{expires}}, before the agreement does ({{agreementExpires}}). ',
          'Plan the renewal with CAG, or end this purpose\'s sharing when the approval ends.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} how sharing for {{purpose}} continues after the section 251 support ends on {{expires}}, before the agreement does ({{agreementExpires}}).',
      },
    },
    examples: {
      valid: [{
        title: 'a referenced approval that outlasts the agreement',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          dates: { effective_from: 2026-04-01, expires: 2027-03-31 }
          purposes:
            - id: risk
              category: risk_stratification_commissioning
              lawful_basis:
                common_law: s251_support
                s251: { reference: 22/CAG/0123, expires: 2027-09-30 }
        `,
      }],
      invalid: [
        {
          title: 'an expired approval',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01, expires: 2027-03-31 }
            purposes:
              - id: risk
                category: risk_stratification_commissioning
                lawful_basis:
                  common_law: s251_support
                  s251: { reference: CAG 7-04(a)/2013, expires: 2022-09-30 }
          `,
          findings: [{ messageId: 'expired', at: 'purposes[0].lawful_basis.s251.expires' }],
        },
        {
          title: 'a reference in the wrong form',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01, expires: 2027-03-31 }
            purposes:
              - id: risk
                category: risk_stratification_commissioning
                lawful_basis:
                  common_law: s251_support
                  s251: { reference: approved by CAG, expires: 2027-09-30 }
          `,
          findings: [{ messageId: 'bad-reference', at: 'purposes[0].lawful_basis.s251.reference' }],
        },
      ],
    },
  },
  check({ agreement: a, asOf, options, report }) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(options.reference_pattern, 'u');
    } catch (error) {
      throw new Error(`the s251-approval-invalid option reference_pattern is not a valid regular expression: ${(error as Error).message}`);
    }
    const agreementExpires = lastDayOf(a.dates?.expires);
    (a.purposes ?? []).forEach((purpose, i) => {
      const basis = purpose.lawful_basis;
      if (basis?.common_law !== 's251_support') return;
      const at: Path = ['purposes', i, 'lawful_basis', 's251'];
      const name = purposeName(purpose);
      const reference = basis.s251?.reference;
      if (reference === undefined) report({ messageId: 'no-reference', data: { purpose: name }, at: [...at, 'reference'] });
      // A reference is short: a long value is wrong without running the pattern over it.
      else if (reference.length > MAX_REFERENCE_LENGTH || !pattern.test(reference.trim())) report({ messageId: 'bad-reference', data: { purpose: name, reference }, at: [...at, 'reference'] });
      const expires = basis.s251?.expires;
      if (expires === undefined) return;
      if (expires < asOf) report({ messageId: 'expired', data: { purpose: name, expires: formatDate(expires) }, at: [...at, 'expires'] });
      else if (agreementExpires !== undefined && expires < agreementExpires) {
        report({
          messageId: 'ends-before-agreement',
          data: { purpose: name, expires: formatDate(expires), agreementExpires: formatDate(a.dates?.expires) },
          at: [...at, 'expires'],
          related: [{ at: ['dates', 'expires'], message: 'The agreement ends here.' }],
        });
      }
    });
  },
});
