import { defineRule, yaml } from '../src/core/rule.js';
import { rolesOf } from '../src/core/facts.js';
import { JOINT_CONTROLLER_RESPONSIBILITIES } from '../src/vocabulary.js';

const REQUIRED = JOINT_CONTROLLER_RESPONSIBILITIES.filter((r) => r.art26);
export default defineRule({
  id: 'joint-controller-arrangement-missing',
  meta: {
    title: 'Joint controllers need a published arrangement that allocates their duties',
    description:
      'Reports an agreement with two or more joint controllers that has no joint controller arrangement, whose arrangement does not allocate rights ' +
      'requests and privacy information, or whose essence is not made available to patients.',
    rationale:
      'When organisations decide together why and how patient data is used, they are joint controllers. The law requires them to agree, in a ' +
      'transparent arrangement, who does what, in particular who handles patients\' requests to exercise their rights and who gives them privacy ' +
      'information, and to make the essence of that arrangement available to patients (UK GDPR Art 26). Without it, each organisation can assume ' +
      'the other is responsible, and a patient cannot tell whom to ask. Patients can still exercise their rights against any of them.',
    fix:
      'Add `joint_controller_arrangement` with `reference` (where it is recorded), `responsibilities` including at least `rights_requests` and ' +
      '`privacy_information`, a `contact_point` for patients, and `essence_published: true` once a summary is available to patients (for example in ' +
      'the privacy notices).',
    severity: 'error',
    severityReason: 'A transparent arrangement between joint controllers is a legal requirement.',
    area: 'J',
    importance: 335,
    tags: ['transparency', 'joint-controllers', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 26 (joint controllers)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/26' },
      { instrument: 'UK GDPR', provision: 'Art 26 (joint controllers)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/26' },
    ],
    defaultOptions: {},
    messages: {
      missing: {
        text: [
          '{{parties}} are joint controllers, but the agreement records no joint controller arrangement. Add `joint_controller_arrangement` allocating ',
          'their responsibilities (at least rights_requests and privacy_information), with `essence_published: true` once patients can see a summary.',
        ],
        request: 'Ask {{drafter}} for the arrangement between the joint controllers ({{parties}}) that says which of them handles patients\' requests and tells patients about the sharing.',
      },
      'responsibilities-missing': {
        text: 'The joint controller arrangement does not allocate {{missing}}, which UK GDPR Art 26 requires. Add {{values}} to `responsibilities`.',
        request: 'Ask {{drafter}} to say which joint controller is responsible for {{missing}}.',
      },
      'essence-not-published': {
        text: [
          'The essence of the joint controller arrangement is not recorded as available to patients, which UK GDPR Art 26(2) requires. Publish a summary ',
          '(for example in the privacy notices) and set `essence_published: true`.',
        ],
        request: 'Ask {{drafter}} to publish a summary of the joint controller arrangement for patients (for example in the privacy notices).',
      },
    },
    examples: {
      valid: [
        {
          title: 'a published arrangement',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, role: joint_controller }
              - { id: council, name: Example Council, role: joint_controller }
            joint_controller_arrangement:
              reference: JCA-2026-01
              responsibilities: [rights_requests, privacy_information, breach_notification]
              essence_published: true
          `,
        },
      ],
      invalid: [
        {
          title: 'no arrangement',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, role: joint_controller }
              - { id: council, name: Example Council, role: joint_controller }
          `,
          findings: [{ messageId: 'missing', at: 'joint_controller_arrangement' }],
        },
        {
          title: 'an arrangement that does not allocate privacy information',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, role: joint_controller }
              - { id: council, name: Example Council, role: joint_controller }
            joint_controller_arrangement:
              responsibilities: [rights_requests]
              essence_published: true
          `,
          findings: [{ messageId: 'responsibilities-missing', at: 'joint_controller_arrangement.responsibilities' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    // Joint controllers under `parties`, or for any one purpose (`purposes[].roles`).
    const joint = (a.parties ?? []).flatMap((p, i) => {
      const role = rolesOf(a, i).find((r) => r.role === 'joint_controller');
      return role ? [{ p, i, path: role.path }] : [];
    });
    if (joint.length < 2) return;
    const arrangement = a.joint_controller_arrangement;
    if (!arrangement) {
      const names = joint.map(({ p }) => p.name);
      report({
        messageId: 'missing',
        data: { parties: `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}` },
        at: ['joint_controller_arrangement'],
        related: joint.map(({ p, path }) => ({ at: path, message: `${p.name} is a joint controller.` })),
      });
      return;
    }
    const allocated = new Set<string>(arrangement.responsibilities ?? []);
    const missing = REQUIRED.filter((r) => !allocated.has(r.value));
    if (missing.length > 0) {
      report({
        messageId: 'responsibilities-missing',
        data: { missing: missing.map((r) => r.label.charAt(0).toLowerCase() + r.label.slice(1)).join(' and '), values: missing.map((r) => r.value).join(' and ') },
        at: ['joint_controller_arrangement', 'responsibilities'],
      });
    }
    if (arrangement.essence_published !== true) report({ messageId: 'essence-not-published', at: ['joint_controller_arrangement', 'essence_published'] });
  },
});
