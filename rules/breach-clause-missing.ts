import { defineRule, yaml } from '../src/core/rule.js';
import { isProcessor, partyById, sharesPersonalData } from '../src/core/facts.js';
export default defineRule({
  id: 'breach-clause-missing',
  meta: {
    title: 'The agreement must say how personal data breaches are handled',
    description:
      'Reports an agreement that shares personal data with no `breach` section, no breach contact, or no controller named to decide on and make any report to the ICO.',
    rationale:
      'When patient data is lost, stolen or sent to the wrong place, a controller must report it to the Information Commissioner\'s Office within 72 ' +
      'hours of becoming aware of it, unless it is unlikely to put anyone at risk, and must tell the patients affected without undue delay when the ' +
      'risk to them is high (UK GDPR Arts 33 and 34). With several organisations involved, those deadlines are only met if the agreement says in ' +
      'advance whom to tell and who decides on and makes the report. Otherwise each organisation may assume another has reported it, and nobody does.\n\n' +
      'The report to the ICO is a controller\'s duty; a processor tells its controller instead, so a processor cannot be the party that owns it.',
    fix:
      'Add a `breach` section with `contact` (who to tell, such as the DPO\'s mailbox), `ico_notification_owner` (the id of the controller that ' +
      'decides on and makes any report to the ICO), `notify_parties_within` (such as PT24H) and, ideally, `data_subject_comms_owner`.',
    severity: 'error',
    severityReason: 'Without an agreed route, the 72-hour legal deadline for reporting a breach is unlikely to be met.',
    area: 'I',
    importance: 365,
    tags: ['breach', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 33 (notification to the ICO)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/33' },
      { instrument: 'UK GDPR', provision: 'Art 34 (communication to the data subject)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/34' },
      { instrument: 'ICO: Assessing and reporting breaches', url: 'https://ico.org.uk/for-organisations/accountability-framework/breach-response-and-monitoring/assessing-and-reporting-breaches/' },
    ],
    defaultOptions: {},
    messages: {
      missing: {
        text: [
          'The agreement does not say how personal data breaches are handled between the parties. Add a `breach` section with a `contact`, the ',
          '`ico_notification_owner` and `notify_parties_within` (such as PT24H).',
        ],
        request: 'Ask {{drafter}} for a breach clause: whom to tell about a personal data breach, how fast (within 24 hours between the parties), and which party reports it to the ICO.',
      },
      'no-contact': {
        text: 'The `breach` section does not say whom to contact about a breach. Add `contact`, such as the DPO\'s mailbox.',
        request: 'Ask {{drafter}} to say whom to contact about a data breach (such as the Data Protection Officer\'s mailbox).',
      },
      'no-owner': {
        text: 'The `breach` section does not say which party decides on and makes any report to the ICO. Add `ico_notification_owner` with the id of a controller.',
        request: 'Ask {{drafter}} to say which party decides whether to report a breach to the ICO, and does so.',
      },
      'owner-is-processor': {
        text: [
          '{{party}} is a processor, so it cannot own reports to the ICO: that is a controller\'s duty, and a processor tells its controller instead. ',
          'Name a controller as `ico_notification_owner`.',
        ],
        request: 'Ask {{drafter}} to make a controller responsible for reporting breaches to the ICO, not {{party}}, which is a processor.',
      },
    },
    examples: {
      valid: [{
        title: 'a breach route',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          parties:
            - { id: surgery, name: Example Surgery, role: controller }
            - { id: meo, name: Medical Examiner Office, role: controller }
          breach:
            notify_parties_within: PT24H
            ico_notification_owner: meo
            contact: dpo@example-trust.nhs.uk
        `,
      }],
      invalid: [
        {
          title: 'no breach section',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, role: controller }
              - { id: meo, name: Medical Examiner Office, role: controller }
          `,
          findings: [{ messageId: 'missing', at: 'breach' }],
        },
        {
          title: 'no ICO notification owner',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, role: controller }
              - { id: meo, name: Medical Examiner Office, role: controller }
            breach:
              contact: dpo@example-trust.nhs.uk
          `,
          findings: [{ messageId: 'no-owner', at: 'breach.ico_notification_owner' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if (!sharesPersonalData(a)) return;
    const breach = a.breach;
    if (!breach) {
      report({ messageId: 'missing', at: ['breach'] });
      return;
    }
    if (breach.contact === undefined) report({ messageId: 'no-contact', at: ['breach', 'contact'] });
    if (breach.ico_notification_owner === undefined) {
      report({ messageId: 'no-owner', at: ['breach', 'ico_notification_owner'] });
    } else {
      const owner = partyById(a, breach.ico_notification_owner);
      if (owner && isProcessor(owner)) report({ messageId: 'owner-is-processor', data: { party: owner.name }, at: ['breach', 'ico_notification_owner'] });
    }
  },
});
