import { defineRule, yaml } from '../src/core/rule.js';
import { isTemplate, partyName } from '../src/core/facts.js';
import { formatDate } from '../src/core/summary.js';
import { labelOf } from '../src/vocabulary.js';
import { lowerFirst } from '../src/core/words.js';

export default defineRule({
  id: 'template-presented-as-in-force',
  meta: {
    title: 'A template must not be presented as an agreement in force',
    description: 'Reports a template or model agreement (`kind: template`) marked active or suspended, or carrying dated approvals.',
    rationale:
      'National and regional bodies publish template agreements for organisations to copy and complete. A template binds nobody: its parties are ' +
      'blanks, its purposes and data are examples, and nobody accountable has approved the sharing it describes. A template marked active, or with ' +
      'dated sign-offs, reads as if data may flow under it; an organisation relying on it would be sharing with no agreement at all. The completed ' +
      'copy, made by the organisations that share, is what comes into force.\n\n' +
      'dsalint checks a template for completeness like any agreement, but not for signatures, DSPT status, a DPIA or review dates, which belong ' +
      'to each completed copy.',
    fix:
      'Leave the template\'s `status` unset (or `draft`) and its `approvals` empty. To put the arrangement into force, copy the template, set ' +
      '`kind: sharing_agreement` (or remove `kind`), fill in the parties and record the real sign-offs there.',
    severity: 'error',
    severityReason: 'An unexecuted template mistaken for an agreement in force means data shared with no agreement behind it.',
    area: 'L',
    importance: 235,
    tags: ['lifecycle', 'sign-off', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'data sharing agreements',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
      },
    ],
    defaultOptions: {},
    messages: {
      status: {
        text: [
          'This is a template, but its status is {{status}}, as if data may be shared under it. A template is not in force: leave `status` unset or ',
          'draft, and put a completed copy into force instead.',
        ],
        request: 'Ask {{drafter}} for the completed agreement: this is a template, yet it is marked {{status}} as if data may be shared under it.',
      },
      approval: {
        text: [
          'This is a template, but it records a dated approval ({{role}} for {{party}} on {{date}}). A template is not signed: record approvals on the ',
          'completed copy that the organisations put into force.',
        ],
        request: 'Ask {{drafter}} for the completed agreement to sign: this template records an approval ({{role}} for {{party}} on {{date}}), but a template is never signed.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a national template with blanks for the parties',
          agreement: yaml`
            dsalint: 1
            id: TPL-DSA
            title: Model data sharing agreement
            kind: template
            parties:
              - { id: discloser, name: "[Disclosing organisation]", placeholder: true }
          `,
        },
      ],
      invalid: [
        {
          title: 'a template marked active and signed',
          agreement: yaml`
            dsalint: 1
            id: TPL-DSA
            title: Model data sharing agreement
            kind: template
            status: active
            parties:
              - { id: discloser, name: "[Disclosing organisation]", placeholder: true }
            approvals:
              - { party: discloser, role: caldicott_guardian, date: 2026-03-01 }
          `,
          findings: [
            { messageId: 'status', at: 'status' },
            { messageId: 'approval', at: 'approvals[0].date' },
          ],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if (!isTemplate(a)) return;
    if (a.status === 'active' || a.status === 'suspended') {
      report({ messageId: 'status', data: { status: lowerFirst(labelOf('agreementStatus', a.status)) }, at: ['status'] });
    }
    (a.approvals ?? []).forEach((approval, i) => {
      if (approval.date === undefined) return;
      report({
        messageId: 'approval',
        data: { role: labelOf('signoffRole', approval.role), party: partyName(a, approval.party), date: formatDate(approval.date) },
        at: ['approvals', i, 'date'],
      });
    });
  },
});
