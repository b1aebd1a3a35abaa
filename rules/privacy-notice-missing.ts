import { defineRule, yaml } from '../src/core/rule.js';
import { appliesToParty, carriesPatientData, isController, isTemplate } from '../src/core/facts.js';

export default defineRule({
  id: 'privacy-notice-missing',
  meta: {
    title: 'Each controller sharing patient data needs a privacy notice that covers it',
    description: 'Reports a controller that sends or receives patient data under the agreement when no privacy notice of its own is listed under `transparency.privacy_notices`, or the notice has no address.',
    rationale:
      'Patients should not be surprised by how their information is used. Each controller must tell people who it shares their data with and why ' +
      '(UK GDPR Arts 13 and 14, and the fairness and transparency principle in Art 5(1)(a)); Caldicott Principle 8 asks organisations to inform ' +
      'patients about how their confidential information is used. The privacy notice lives outside the agreement, so dsalint can only check that ' +
      'the agreement names where each controller\'s notice is published, so that reviewers can confirm it describes this sharing.',
    fix:
      'For each controller, add an entry under `transparency.privacy_notices` with `party` (its id) and `url` (where its privacy notice is ' +
      'published), and make sure the notice describes this sharing.',
    severity: 'warning',
    severityReason: 'The notice may exist but not be referenced; the gap needs checking rather than proving the sharing unlawful.',
    area: 'J',
    importance: 500,
    tags: ['transparency', 'caldicott-8', 'fairness'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(a) (lawfulness, fairness and transparency)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      { instrument: 'UK GDPR', provision: 'Arts 13 and 14 (information to be provided)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/13' },
      { instrument: 'The Caldicott Principles (December 2020)', provision: 'Principle 8', url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020' },
    ],
    defaultOptions: {},
    messages: {
      missing: {
        text: [
          '{{party}} {{role}} patient data (flow "{{flow}}"), but no privacy notice of its own is listed. Add an entry under ',
          '`transparency.privacy_notices` with party: {{id}} and the `url` of a privacy notice that describes this sharing.',
        ],
        request: 'Ask {{drafter}} where the privacy notice of {{party}} tells patients about this sharing.',
      },
      'no-url': {
        text: 'The privacy notice listed for {{party}} does not say where it is published. Add its `url`, so reviewers and patients can read it.',
        request: 'Ask {{drafter}} where the privacy notice of {{party}} is published.',
      },
    },
    examples: {
      valid: [
        {
          title: 'both controllers publish notices',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, role: controller }
              - { id: meo, name: Medical Examiner Office, role: controller }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
            transparency:
              privacy_notices:
                - { party: surgery, url: "https://example-surgery.nhs.uk/privacy" }
                - { party: meo, url: "https://example-trust.nhs.uk/privacy" }
          `,
        },
      ],
      invalid: [
        {
          title: 'the receiving controller lists no notice',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, role: controller }
              - { id: meo, name: Medical Examiner Office, role: controller }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
            transparency:
              privacy_notices:
                - { party: surgery, url: "https://example-surgery.nhs.uk/privacy" }
          `,
          findings: [{ messageId: 'missing', at: 'parties[1].id' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const flows = a.flows ?? [];
    const notices = a.transparency?.privacy_notices ?? [];
    (a.parties ?? []).forEach((party, i) => {
      if (!isController(party)) return;
      const flowIndex = flows.findIndex((f) => (f.from === party.id || f.to === party.id) && carriesPatientData(a, f));
      if (flowIndex < 0) return;
      const flow = flows[flowIndex]!;
      // A party's own notice, one for a group it belongs to, or one that covers everyone: an annex
      // of the agreement or a national notice published by someone who is not a party.
      const own = notices.flatMap((n, k) => (n.party === undefined || appliesToParty(a, n.party, party) ? [k] : []));
      if (own.length === 0) {
        report({
          messageId: 'missing',
          data: { party: party.name, id: party.id, flow: flow.id, role: flow.from === party.id ? 'discloses' : 'receives' },
          at: ['parties', i, 'id'],
          related: [{ at: ['flows', flowIndex, flow.from === party.id ? 'from' : 'to'], message: `${party.name} shares patient data in this flow.` }],
        });
      } else if (!isTemplate(a) && own.every((k) => notices[k]!.url === undefined && notices[k]!.annex === undefined)) {
        report({ messageId: 'no-url', data: { party: party.name }, at: ['transparency', 'privacy_notices', own[0]!, 'url'] });
      }
    });
  },
});
