import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { lowerFirst } from '../src/core/summary.js';
import {
  coversOnlyDeceased,
  flowData,
  indexOfParty,
  indexOfPurpose,
  isIdentifying,
  isSpecialCategory,
  orgTypeOf,
  owesDutyOfConfidentiality,
  partyById,
  purposeById,
} from '../src/core/facts.js';
import { ARTICLE_9_CONDITION, DPA_SCHEDULE_1_CONDITION } from '../src/vocabulary.js';
export default defineRule({
  id: 'art9h-recipient-not-under-secrecy',
  meta: {
    title: 'Art 9(2)(h) only covers recipients bound by professional secrecy',
    description:
      'Warns when a flow sends special category data under Art 9(2)(h) (or DPA 2018 Schedule 1 para 2 or 3) to a party whose staff are not health or social work ' +
      'professionals or otherwise under a duty of confidentiality, and the party does not declare that they are.',
    rationale:
      'The health and social care condition, Art 9(2)(h), comes with a safeguard: the data must be processed by or under the responsibility of a health ' +
      'or social work professional, or by someone who owes a duty of confidentiality (UK GDPR Art 9(3); DPA 2018 s11(1)). The public health condition ' +
      'in Schedule 1 paragraph 3 has the same requirement. Sending patient information to a charity, a council department, a commercial supplier or the ' +
      'police under that condition only works if the people who will see it are bound in that way, for example by their contracts.\n\n' +
      'dsalint judges the recipient by its organisation type unless the party says otherwise with `duty_of_confidentiality`. Many organisations can ' +
      'meet the requirement by contract, so this is a warning: it asks the agreement to say so.',
    fix:
      'If everyone at the recipient who sees the data is a health or social work professional or is bound by a duty of confidentiality (for example in ' +
      'their employment contract), set `duty_of_confidentiality: true` on the party and keep the evidence. Otherwise use a condition that fits the ' +
      'recipient, such as explicit consent or a substantial public interest condition.',
    severity: 'warning',
    severityReason: 'The recipient may well meet the requirement by contract; the agreement just does not show it.',
    area: 'D',
    importance: 405,
    tags: ['special-category', 'lawful-basis', 'caldicott-5'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 9(2)(h), 9(3)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/9' },
      { instrument: 'Data Protection Act 2018', provision: 's11(1)', url: 'https://www.legislation.gov.uk/ukpga/2018/12/section/11' },
      { instrument: 'Data Protection Act 2018', provision: 'Sch 1 Part 1 paras 2 and 3', url: 'https://www.legislation.gov.uk/ukpga/2018/12/schedule/1/part/1' },
    ],
    defaultOptions: {},
    messages: {
      'org-type': {
        text: [
          'Flow "{{flow}}" sends special category data to {{recipient}} for the purpose "{{purpose}}", which relies on {{condition}}. That only covers people ',
          'who are health or social work professionals or owe a duty of confidentiality, and a {{orgType}} is not normally bound that way. If its staff ',
          'are (for example by contract), set `duty_of_confidentiality: true` on {{recipient}}; otherwise use another condition.',
        ],
        request: 'Ask {{drafter}} to confirm that the staff of {{recipient}} who see the health data for the purpose "{{purpose}}" owe a duty of confidentiality, or to give another condition: a {{orgType}} is not normally bound that way.',
      },
      'declared-false': {
        text: [
          'Flow "{{flow}}" sends special category data to {{recipient}} for the purpose "{{purpose}}", which relies on {{condition}}, but {{recipient}} ',
          'says its staff do not owe a duty of confidentiality. That condition only covers processing by or under the responsibility of a health or social ',
          'work professional or someone who owes that duty: use another condition, or correct `duty_of_confidentiality`.',
        ],
        request: 'Ask {{drafter}} to give another condition for sharing health data with {{recipient}} for the purpose "{{purpose}}": its staff do not owe a duty of confidentiality, which {{condition}} needs.',
      },
    },
    examples: {
      valid: [
        {
          title: 'the recipient declares that its staff owe a duty of confidentiality',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: charity, name: Example Carers Charity, org_type: vcse, duty_of_confidentiality: true }
            purposes:
              - id: care
                category: individual_care
                lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, dpa_schedule_1: part1_para2 }
            data:
              - { id: needs, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: charity, data: [needs], purposes: [care] }
          `,
        },
      ],
      invalid: [
        {
          title: 'health data sent to a voluntary organisation under Art 9(2)(h)',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: charity, name: Example Carers Charity, org_type: vcse }
            purposes:
              - id: care
                category: individual_care
                lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, dpa_schedule_1: part1_para2 }
            data:
              - { id: needs, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: charity, data: [needs], purposes: [care] }
          `,
          findings: [{ messageId: 'org-type', at: 'flows[0].to' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.flows ?? []).forEach((flow, f) => {
      const recipient = partyById(a, flow.to);
      if (!recipient || owesDutyOfConfidentiality(recipient) !== false) return;
      if (!flowData(a, flow).some((d) => isIdentifying(d) && isSpecialCategory(d))) return;
      for (const purposeId of flow.purposes ?? []) {
        const purpose = purposeById(a, purposeId);
        // UK GDPR does not apply to the deceased.
        if (purpose && coversOnlyDeceased(a, [purpose])) continue;
        const basis = purpose?.lawful_basis;
        const article9 = basis?.article_9 === undefined ? undefined : ARTICLE_9_CONDITION.get(basis.article_9);
        const schedule1 = basis?.dpa_schedule_1 === undefined ? undefined : DPA_SCHEDULE_1_CONDITION.get(basis.dpa_schedule_1);
        const condition = article9?.requiresConfidentiality ? article9 : schedule1?.requiresConfidentiality ? schedule1 : undefined;
        if (!condition) continue;
        const p = indexOfPurpose(a, purposeId);
        const conditionPath: Path = ['purposes', p, 'lawful_basis', condition === article9 ? 'article_9' : 'dpa_schedule_1'];
        const declared = recipient.duty_of_confidentiality === false;
        const related = [{ at: conditionPath, message: `${condition.label} is relied on here.` }];
        if (declared) related.push({ at: ['parties', indexOfParty(a, recipient.id), 'duty_of_confidentiality'], message: `${recipient.name} declares this here.` });
        report({
          messageId: declared ? 'declared-false' : 'org-type',
          data: { flow: flow.id, recipient: recipient.name, purpose: purposeId, condition: condition.label, orgType: lowerFirst(orgTypeOf(recipient)?.label ?? '') },
          at: ['flows', f, 'to'],
          related,
        });
        return; // one finding per flow: the fix is on the recipient
      }
    });
  },
});
