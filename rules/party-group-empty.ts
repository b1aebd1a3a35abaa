import { defineRule, yaml } from '../src/core/rule.js';
import { isEmptyGroup } from '../src/core/facts.js';

export default defineRule({
  id: 'party-group-empty',
  meta: {
    title: 'A group of parties must say who is in it',
    description: 'Reports a party written as a group (`group`) that lists no members, gives no count (or a count of 0) and is not "every signatory".',
    rationale:
      'Real agreements are often made by groups: every member practice of a primary care network, every signatory to a protocol, the GP practices ' +
      'of an area. dsalint lets such a group be one party, so that flows, retention and approvals can name it, but the group must say who belongs ' +
      'to it. A group with no members and no number is nobody: no one can tell which organisations are bound, receive data or answer for it, and ' +
      'an auditor cannot check that each of them signed.',
    fix:
      'Under the party\'s `group`, list the member organisations in `members` (each with its `name` and, where it has one, `ods_code`), or give ' +
      'their number in `count` and describe who they are in `description`, or set `any_signatory: true` when the group is every signatory of the ' +
      'overarching protocol.',
    severity: 'error',
    severityReason: 'A party that names nobody makes every obligation placed on it unenforceable.',
    area: 'format',
    importance: 170,
    tags: ['accountability', 'format'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' }],
    defaultOptions: {},
    messages: {
      empty: {
        text: [
          'The group "{{party}}" does not say who is in it: it lists no members, gives no count and is not every signatory. List its `members`, give ',
          'their `count` with a `description`, or set `any_signatory: true`.',
        ],
        request: 'Ask {{drafter}} to say which organisations are in the group "{{party}}" (a list, or how many and how they are chosen), so that it is clear who is bound by the agreement.',
      },
    },
    examples: {
      valid: [
        {
          title: 'the member practices of a primary care network, listed',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - id: practices
                name: Every member practice of Riverside PCN
                org_type: gp_practice
                group:
                  members:
                    - { name: Riverside Medical Practice, ods_code: Y01234 }
                    - { name: Hillside Surgery, ods_code: Y05678 }
          `,
        },
      ],
      invalid: [
        {
          title: 'a group with nobody in it',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - id: practices
                name: Member practices
                org_type: gp_practice
                group: { description: The practices of the network }
          `,
          findings: [{ messageId: 'empty', at: 'parties[0].group' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.parties ?? []).forEach((party, i) => {
      if (isEmptyGroup(party)) report({ messageId: 'empty', data: { party: party.name }, at: ['parties', i, 'group'] });
    });
  },
});
