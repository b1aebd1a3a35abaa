import { defineRule, yaml } from '../src/core/rule.js';
import { isAmongParties, isPartyGroup, purposeName } from '../src/core/facts.js';
import { DATA_CATEGORY, labelOf } from '../src/vocabulary.js';
import { lowerFirst } from '../src/core/words.js';

export default defineRule({
  id: 'exceeds-framework',
  meta: {
    title: 'An agreement must stay within the overarching protocol it sits under',
    description:
      'Reports a purpose, a party or a kind of data in an agreement that the overarching protocol it names (`framework`) does not provide for, when ' +
      'the protocol is among the files checked.',
    rationale:
      'An agreement made under an overarching information sharing protocol relies on it: the organisations signed the protocol, agreed its purposes ' +
      'and the kinds of information it covers, and accepted its standards. A specific agreement that adds a purpose the protocol does not cover, ' +
      'brings in an organisation that has not signed it, or shares a kind of information the protocol does not mention is sharing the signatories ' +
      'never agreed to. It needs its own justification and sign-off, or the protocol needs amending first (Caldicott Principle 1: justify the purpose).\n\n' +
      'dsalint compares the agreement with the protocol\'s `purposes` (by category), `parties` (by id, ODS code or name, or as a member of one of ' +
      'its groups; a group of "every signatory" admits anyone) and `data` (by category). A protocol that lists none of one of these sets no limit on ' +
      'it. Nothing is compared when the protocol is not among the files checked; `framework-unresolved` says so.',
    fix:
      'Either bring the agreement within the protocol (remove the purpose, party or data it does not cover) or amend the protocol first and have ' +
      'its signatories approve the change. If the party has signed the protocol, add it to the protocol\'s parties or to the member list of the group it belongs to.',
    severity: 'warning',
    severityReason:
      'The sharing may still be lawful on its own terms, but it lacks the cover the agreement claims; a reviewer must decide, so it is a warning.',
    area: 'B',
    importance: 255,
    tags: ['purpose-limitation', 'accountability', 'caldicott-1'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(b) (purpose limitation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'data sharing agreements',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
      },
    ],
    defaultOptions: {},
    messages: {
      purpose: {
        text: [
          'The purpose {{purpose}} is not one the overarching protocol {{protocol}} provides for (it covers {{allowed}}). Amend the protocol first, ',
          'or justify and approve this purpose on its own.',
        ],
        request: 'Ask {{drafter}} to amend the overarching protocol {{protocol}} to provide for {{purpose}}, or to justify and approve that purpose on its own.',
      },
      party: {
        text: [
          '{{party}} is not a party to the overarching protocol {{protocol}} this agreement sits under. Check that it has signed the protocol and add it ',
          'there, or govern its part in this sharing separately.',
        ],
        request: 'Ask {{drafter}} to confirm that {{party}} has signed the overarching protocol {{protocol}}, or to govern its part in this sharing separately.',
      },
      data: {
        text: [
          'Data item "{{item}}" includes {{category}}, which the overarching protocol {{protocol}} does not cover. Remove it, or amend the protocol to cover it first.',
        ],
        request: 'Ask {{drafter}} to remove {{category}} from "{{item}}", or to amend the overarching protocol {{protocol}} to cover it first.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a protocol that is not among the files checked sets no limit here',
          agreement: yaml`
            dsalint: 1
            id: ISA-7
            title: Safeguarding referrals
            framework: { id: ISP-1, path: ../protocol/isp.dsa.yaml }
            purposes:
              - { id: market, category: marketing }
          `,
        },
      ],
      invalid: [
        {
          title: 'a marketing purpose, a company that has not signed, and HIV status, none of which the protocol covers',
          protocol: yaml`
            dsalint: 1
            id: ISP-1
            title: Example safeguarding protocol
            kind: overarching_protocol
            parties:
              - { id: council, name: Example Council Children's Services, org_type: local_authority_childrens_services }
              - { id: practices, name: Every GP practice in Example, org_type: gp_practice, group: { count: 40 } }
            purposes:
              - { id: protect, category: safeguarding }
            data:
              - { id: info, categories: [name, date_of_birth, safeguarding] }
          `,
          agreement: yaml`
            dsalint: 1
            id: ISA-7
            title: Safeguarding referrals
            framework: { id: ISP-1, path: ../protocol/isp.dsa.yaml }
            parties:
              - { id: council, name: Example Council Children's Services, org_type: local_authority_childrens_services }
              - { id: acme, name: Acme Data Ltd, org_type: commercial_supplier }
            purposes:
              - { id: protect, category: safeguarding }
              - { id: offers, category: marketing }
            data:
              - { id: referral, categories: [name, hiv_status] }
          `,
          findings: [
            { messageId: 'party', at: 'parties[1].name' },
            { messageId: 'purpose', at: 'purposes[1].category' },
            { messageId: 'data', at: 'data[0].categories[1]' },
          ],
        },
      ],
    },
  },
  check({ agreement: a, framework, report }) {
    if (framework?.status !== 'loaded') return;
    const parent = framework.parent;
    const protocol = parent.id;

    const allowedCategories = new Set((parent.purposes ?? []).flatMap((p) => (p.category ? [p.category] : [])));
    if (allowedCategories.size > 0) {
      const allowed = [...allowedCategories].map((c) => lowerFirst(labelOf('purposeCategory', c))).join('; ');
      (a.purposes ?? []).forEach((purpose, i) => {
        if (purpose.category === undefined || allowedCategories.has(purpose.category)) return;
        report({ messageId: 'purpose', data: { purpose: purposeName(purpose), protocol, allowed }, at: ['purposes', i, 'category'] });
      });
    }

    const signatories = parent.parties ?? [];
    if (signatories.length > 0) {
      (a.parties ?? []).forEach((party, i) => {
        // A group of "every signatory" is the protocol's own parties.
        if (party.group?.any_signatory === true || isAmongParties(party, signatories)) return;
        // A group is within the protocol when every member it lists is.
        if (isPartyGroup(party) && (party.group?.members ?? []).length > 0) {
          const outside = (party.group?.members ?? []).some((m) => !isAmongParties({ id: '', name: m.name, ...(m.ods_code ? { ods_code: m.ods_code } : {}) }, signatories));
          if (!outside) return;
        }
        report({ messageId: 'party', data: { party: party.name, protocol }, at: ['parties', i, 'name'] });
      });
    }

    const allowedData = new Set((parent.data ?? []).flatMap((d) => d.categories ?? []));
    // A protocol that provides for the whole record allows any part of it.
    const wholeRecord = [...allowedData].some((c) => DATA_CATEGORY.get(c)?.wholeRecord);
    if (allowedData.size > 0 && !wholeRecord) {
      (a.data ?? []).forEach((item, i) => {
        const k = (item.categories ?? []).findIndex((c) => !allowedData.has(c));
        if (k < 0) return;
        const category = item.categories![k]!;
        report({
          messageId: 'data',
          data: { item: item.id, category: lowerFirst(DATA_CATEGORY.get(category)?.label ?? category), protocol },
          at: ['data', i, 'categories', k],
        });
      });
    }
  },
});
