import { defineRule, yaml } from '../src/core/rule.js';
import { coversOnlyDeceased, indexOfParty, partyById, relyingParties } from '../src/core/facts.js';
import { ARTICLE_9_CONDITION, DPA_SCHEDULE_1_CONDITION, DPA_SCHEDULE_1_CONDITIONS } from '../src/vocabulary.js';
export default defineRule({
  id: 'article9-without-dpa-schedule1-condition',
  meta: {
    title: 'An Article 9 condition that needs a basis in UK law must name its DPA 2018 Schedule 1 condition',
    description:
      'Reports an Article 9(2)(b), (g), (h), (i) or (j) condition with no DPA 2018 Schedule 1 condition, or with one that cannot complete it; and warns when the ' +
      'Schedule 1 condition needs an appropriate policy document that the relying party does not record.',
    rationale:
      'Five of the Article 9 conditions for special category data (employment and social protection, substantial public interest, health or social ' +
      'care, public health, and research) only work together with a condition in Schedule 1 to the Data Protection Act 2018 (section 10). Article ' +
      '9(2)(h) for care, for example, is completed by Schedule 1 paragraph 2, and 9(2)(g) for safeguarding by paragraph 18. Naming the Article 9 ' +
      'condition alone leaves the legal basis half-stated, and a Schedule 1 condition from the wrong family does not complete it at all.\n\n' +
      'Some Schedule 1 conditions also require the controller to keep an "appropriate policy document" explaining how it complies with the data ' +
      'protection principles and how long it keeps the data (Schedule 1 Part 4). Part 1 paragraph 1 requires one in its own text. For the ' +
      'substantial public interest conditions in Part 2, Schedule 1 paragraph 5 requires one for most of them; dsalint has not confirmed which Part 2 ' +
      'conditions are exceptions, so that finding asks you to check rather than asserting the law.\n\n' +
      'The party relying on the condition is the purpose\'s `owner`, or, when no owner is named, each party that discloses data for the purpose. ' +
      'Nothing is reported when every patient covered has died, because UK GDPR does not apply to their records (see `deceased-records-basis`).',
    fix:
      'Add `lawful_basis.dpa_schedule_1` with the Schedule 1 condition that completes the Article 9 condition (the message names them). If it needs an ' +
      'appropriate policy document, record its reference as `appropriate_policy_document` on the relying party.',
    severity: 'error',
    severityReason:
      'Without the Schedule 1 condition the Article 9 condition is not met (DPA 2018 s10). A missing policy document is a warning: it is an accountability ' +
      'gap the agreement may simply not record.',
    area: 'D',
    importance: 240,
    tags: ['special-category', 'lawful-basis', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'Data Protection Act 2018', provision: 's10 and Schedule 1 Part 1', url: 'https://www.legislation.gov.uk/ukpga/2018/12/schedule/1/part/1' },
      {
        instrument: 'Data Protection Act 2018',
        provision: 'Schedule 1 para 5 and Part 4 (appropriate policy document for Part 2 conditions)',
        url: 'https://www.legislation.gov.uk/ukpga/2018/12/schedule/1',
        unverified: true,
      },
      {
        instrument: 'ICO: What are the rules on special category data?',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/special-category-data/what-are-the-rules-on-special-category-data',
      },
    ],
    defaultOptions: {},
    messages: {
      missing: {
        text: 'The purpose "{{purpose}}" relies on {{article9}}, which needs a DPA 2018 Schedule 1 condition, but none is given. Add `dpa_schedule_1`: {{options}}.',
        request: 'Ask {{drafter}} to state the Data Protection Act 2018 Schedule 1 condition that goes with the Article 9 condition for the purpose "{{purpose}}".',
      },
      mismatch: {
        text: 'The purpose "{{purpose}}" pairs {{article9}} with {{schedule1}}, which cannot complete it. Use {{options}}, or correct the Article 9 condition.',
        request: 'Ask {{drafter}} to correct the Data Protection Act 2018 Schedule 1 condition for the purpose "{{purpose}}": the one given cannot go with its Article 9 condition.',
      },
      'no-policy-document': {
        text: [
          '{{party}} relies on {{schedule1}} for the purpose "{{purpose}}", which needs an appropriate policy document, but none is recorded. ',
          'Add its reference as `appropriate_policy_document` on this party.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} for the appropriate policy document of {{party}}, which the condition it relies on for the purpose "{{purpose}}" requires.',
      },
      'no-policy-document-part2': {
        text: [
          '{{party}} relies on {{schedule1}} for the purpose "{{purpose}}". DPA 2018 Schedule 1 para 5 requires an appropriate policy document for most ',
          'Part 2 conditions, and none is recorded for this party. Add its reference as `appropriate_policy_document`, or check whether this condition is an exception.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} for the appropriate policy document of {{party}}, which the Schedule 1 condition it relies on for the purpose "{{purpose}}" requires.',
      },
    },
    examples: {
      valid: [
        {
          title: 'safeguarding under Art 9(2)(g) and Schedule 1 para 18, with a policy document',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, appropriate_policy_document: APD-2026-01 }
              - { id: sgt, name: Example ICB Safeguarding Team, org_type: safeguarding_team }
            purposes:
              - id: safeguarding
                category: safeguarding
                owner: surgery
                lawful_basis: { article_6: e_public_task, article_9: g_substantial_public_interest, dpa_schedule_1: part2_para18 }
          `,
        },
      ],
      invalid: [
        {
          title: 'Art 9(2)(g) with no Schedule 1 condition',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, appropriate_policy_document: APD-2026-01 }
              - { id: sgt, name: Example ICB Safeguarding Team, org_type: safeguarding_team }
            purposes:
              - id: safeguarding
                category: safeguarding
                owner: surgery
                lawful_basis: { article_6: e_public_task, article_9: g_substantial_public_interest }
          `,
          findings: [{ messageId: 'missing', at: 'purposes[0].lawful_basis.dpa_schedule_1' }],
        },
        {
          title: 'a care condition paired with the safeguarding condition',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, appropriate_policy_document: APD-2026-01 }
              - { id: sgt, name: Example ICB Safeguarding Team, org_type: safeguarding_team }
            purposes:
              - id: safeguarding
                category: safeguarding
                owner: surgery
                lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, dpa_schedule_1: part2_para18 }
          `,
          findings: [{ messageId: 'mismatch', at: 'purposes[0].lawful_basis.dpa_schedule_1' }],
        },
        {
          title: 'Schedule 1 para 18 without an appropriate policy document',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: sgt, name: Example ICB Safeguarding Team, org_type: safeguarding_team }
            purposes:
              - id: safeguarding
                category: safeguarding
                owner: surgery
                lawful_basis: { article_6: e_public_task, article_9: g_substantial_public_interest, dpa_schedule_1: part2_para18 }
          `,
          findings: [{ messageId: 'no-policy-document-part2', at: 'parties[0].appropriate_policy_document' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    // Party index -> the purposes (and their Schedule 1 conditions) it relies on without a policy document.
    const needPolicy = new Map<number, { purposeIndex: number; purpose: string; schedule1: string; part: 1 | 2 }[]>();
    (a.purposes ?? []).forEach((purpose, i) => {
      // UK GDPR does not apply to the deceased.
      if (coversOnlyDeceased(a, [purpose])) return;
      const basis = purpose.lawful_basis;
      const article9 = basis?.article_9 === undefined ? undefined : ARTICLE_9_CONDITION.get(basis.article_9);
      if (!article9) return;
      const schedule1 = basis?.dpa_schedule_1 === undefined ? undefined : DPA_SCHEDULE_1_CONDITION.get(basis.dpa_schedule_1);
      const completing = DPA_SCHEDULE_1_CONDITIONS.filter((c) => c.completes.includes(article9.value));
      const options = completing.map((c) => `${c.value} for ${c.label.replace(/^DPA 2018 Sch 1 /, '')}`).join(', or ');
      const related = [{ at: ['purposes', i, 'lawful_basis', 'article_9'], message: `${article9.label} is named here.` }] as const;
      if (article9.needsSchedule1 && !schedule1) {
        report({ messageId: 'missing', data: { purpose: purpose.id, article9: article9.label, options }, at: ['purposes', i, 'lawful_basis', 'dpa_schedule_1'], related });
        return;
      }
      if (!schedule1) return;
      if (article9.needsSchedule1 && !schedule1.completes.includes(article9.value)) {
        report({
          messageId: 'mismatch',
          data: { purpose: purpose.id, article9: article9.label, schedule1: schedule1.label, options },
          at: ['purposes', i, 'lawful_basis', 'dpa_schedule_1'],
          related,
        });
        return;
      }
      if (!schedule1.needsPolicyDocument) return;
      for (const partyId of relyingParties(a, purpose)) {
        const party = partyById(a, partyId);
        if (!party || party.appropriate_policy_document !== undefined) continue;
        const index = indexOfParty(a, partyId);
        const list = needPolicy.get(index) ?? [];
        list.push({ purposeIndex: i, purpose: purpose.id, schedule1: schedule1.label, part: schedule1.part });
        needPolicy.set(index, list);
      }
    });
    for (const [index, uses] of needPolicy) {
      const party = a.parties![index]!;
      const first = uses.find((u) => u.part === 1) ?? uses[0]!;
      report({
        messageId: first.part === 1 ? 'no-policy-document' : 'no-policy-document-part2',
        data: { party: party.name, purpose: uses.map((u) => u.purpose).join('", "'), schedule1: first.schedule1 },
        at: ['parties', index, 'appropriate_policy_document'],
        related: uses.map((u) => ({ at: ['purposes', u.purposeIndex, 'lawful_basis', 'dpa_schedule_1'], message: `${u.schedule1} is relied on here.` })),
      });
    }
  },
});
