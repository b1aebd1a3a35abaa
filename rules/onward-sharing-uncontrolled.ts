import { defineRule, yaml } from '../src/core/rule.js';
import { sharesPersonalData } from '../src/core/facts.js';
import { joinWords } from '../src/core/words.js';

export default defineRule({
  id: 'onward-sharing-uncontrolled',
  meta: {
    title: 'Onward sharing must name its recipients, and commercial use needs consent and transparency',
    description:
      'Reports an agreement that lets recipients share the data onward, or sublicense it, without naming who may receive it; and one that allows ' +
      'commercial use of personal data without both the patients\' consent and a privacy notice that tells them.',
    rationale:
      'Once a recipient may pass the data on, or sublicense it to others on its own terms, the disclosing organisations lose sight of where their ' +
      'patients\' records go: the next organisation has no agreement with them, and patients cannot be told who holds their data (UK GDPR Arts 13, ' +
      '14 and 5(1)(a)). Onward sharing can be acceptable when the agreement names the recipients (or the kinds of recipient, narrowly) and the ' +
      'conditions; an open permission is not.\n\n' +
      'Commercial use of patient data is far outside what patients expect when they see their doctor. The National Data Guardian\'s "no ' +
      'surprises" principle (Caldicott Principle 8) and the transparency principle mean it needs both the patients\' consent and a privacy notice ' +
      'that tells them about it; either alone is not enough.',
    fix:
      'List who the data may be passed to under `onward_sharing.to`, with the `conditions` (each onward recipient bound by the same terms), or set ' +
      '`allowed: false`. For commercial use, record the consent it rests on (`commercial_use.consent`) and the privacy notice that tells patients ' +
      '(`transparency.privacy_notices`), or do not allow it.',
    severity: 'error',
    severityReason: 'An open permission to pass data on, or commercial use patients were neither asked about nor told of, is very likely unlawful sharing.',
    area: 'B',
    importance: 260,
    tags: ['transparency', 'purpose-limitation', 'caldicott-8'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(a) and (b), Arts 13 and 14 (recipients)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/13' },
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'data sharing agreements: onward sharing',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
      },
      {
        instrument: 'National Data Guardian: revised Caldicott Principles (Principle 8)',
        url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020',
      },
    ],
    defaultOptions: {},
    messages: {
      'unnamed-recipients': {
        text: [
            'The agreement lets recipients {{what}} but does not say to whom. Ask who the data may go to and on what terms, and list them under ',
            '`onward_sharing.to` (each bound by the same conditions), or set `allowed: false`.',
          ],
        request: 'Ask {{drafter}} to name the organisations recipients may pass the data to, and on what terms, or to forbid passing it on: the agreement lets recipients {{what}}.',
      },
      'commercial-without-consent-and-notice': {
        text: [
            'The agreement allows commercial use of the data, but {{missing}}. Commercial use needs both the patients\' consent and a privacy notice ',
            'that tells them: ask for both, or do not allow it.',
          ],
        request: 'Ask {{drafter}} not to allow commercial use of the data without both the patients\' consent and a privacy notice that tells them ({{missing}}).',
      },
    },
    examples: {
      valid: [
        {
          title: 'onward sharing to named recipients',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            onward_sharing: { allowed: true, to: [Riverside Hospice], conditions: Bound by the same terms }
          `,
        },
      ],
      invalid: [
        {
          title: 'sublicensing to anyone',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            onward_sharing: { allowed: true, sublicensing: true }
          `,
          findings: [{ messageId: 'unnamed-recipients', text: '{ allowed: true, sublicensing: true }' }],
        },
        {
          title: 'commercial use with consent but no privacy notice',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            commercial_use: { allowed: true, consent: Opt-in consent form CF-3 }
          `,
          findings: [{ messageId: 'commercial-without-consent-and-notice', text: '{ allowed: true, consent: Opt-in consent form CF-3 }' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    // sharesPersonalData does not trust the label: data with direct identifiers counts whatever it is called.
    if (!sharesPersonalData(a)) return;
    const onward = a.onward_sharing;
    if (onward && (onward.allowed === true || onward.sublicensing === true) && (onward.to ?? []).length === 0) {
      const what = onward.sublicensing === true ? (onward.allowed === true ? 'share the data onward and sublicense it' : 'sublicense the data') : 'share the data onward';
      report({ messageId: 'unnamed-recipients', data: { what }, at: ['onward_sharing'] });
    }
    const commercial = a.commercial_use;
    if (commercial?.allowed === true) {
      const missing = [
        ...(commercial.consent === undefined ? ['no consent is recorded'] : []),
        ...((a.transparency?.privacy_notices ?? []).length === 0 ? ['no privacy notice tells patients'] : []),
      ];
      if (missing.length > 0) report({ messageId: 'commercial-without-consent-and-notice', data: { missing: joinWords(missing) }, at: ['commercial_use'] });
    }
  },
});
