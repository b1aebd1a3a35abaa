import { defineRule, yaml } from '../src/core/rule.js';
import { flowPurposes, indexOfData, purposeName } from '../src/core/facts.js';
import { joinWords } from '../src/core/summary.js';
export default defineRule({
  id: 'undeclared-purpose-use',
  meta: {
    title: 'Data may flow only for purposes declared for it',
    description:
      'Reports a flow that names no purpose, and a flow that sends a data item for a purpose that the data item\'s own purposes do not include (purpose creep inside the agreement).',
    rationale:
      'UK GDPR Art 5(1)(b) requires personal data to be "collected for specified, explicit and legitimate purposes and not further processed in a manner that is incompatible with those purposes". ' +
      'A flow with no purpose is a disclosure nobody has justified. A data item that was justified for one purpose (say, direct care) but is sent for another ' +
      '(say, planning) is purpose creep: the second use was never assessed, even though both purposes appear somewhere in the agreement.',
    fix:
      'Name the purposes of every flow in its `purposes`. Where a flow sends a data item for a purpose the item does not list, either add that purpose to the item\'s `purposes` ' +
      '(and its `justification`) after checking the item is really needed for it, or stop sending the item for that purpose by splitting the flow.',
    severity: 'error',
    severityReason: 'Processing for a purpose the agreement does not set out for that data is outside what the parties agreed, and breaches purpose limitation.',
    area: 'B',
    importance: 270,
    tags: ['purpose-limitation', 'caldicott-1'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'UK GDPR',
        provision: 'Art 5(1)(b) (purpose limitation)',
        url: 'https://cy.ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/purpose-limitation/',
      },
    ],
    defaultOptions: {},
    messages: {
      'no-purpose': {
        text: 'Flow "{{flow}}" does not say what the data is shared for. List its purposes (by id) in the flow\'s purposes.',
        request: 'Ask {{drafter}} to say what the data in "{{flow}}" is shared for.',
      },
      creep: {
        text: [
          'Flow "{{flow}}" sends data item "{{item}}" for {{purposes}}, but "{{item}}" is declared only for {{own}}. Add the purpose to the item\'s purposes and justification ',
          'if the item is really needed for it, or stop sending "{{item}}" for it.',
        ],
        request: 'Ask {{drafter}} why "{{item}}" is sent for {{purposes}} when it is needed only for {{own}}; if it is not needed, ask for it to stop.',
      },
    },
    examples: {
      valid: [
        {
          title: 'an item sent only for its own purpose',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: icb, name: Example ICB }
            purposes:
              - { id: care, category: individual_care }
              - { id: planning, category: planning_commissioning }
            data:
              - { id: record, categories: [diagnoses_problems], purposes: [care] }
            flows:
              - { id: f1, from: surgery, to: icb, data: [record], purposes: [care] }
          `,
        },
      ],
      invalid: [
        {
          title: 'a care record sent for planning',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: icb, name: Example ICB }
            purposes:
              - { id: care, category: individual_care }
              - { id: planning, category: planning_commissioning }
            data:
              - { id: record, categories: [diagnoses_problems], purposes: [care] }
            flows:
              - { id: f1, from: surgery, to: icb, data: [record], purposes: [care, planning] }
          `,
          findings: [{ messageId: 'creep', at: 'flows[0].data[0]' }],
        },
        {
          title: 'a flow with no purpose',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: icb, name: Example ICB }
            purposes:
              - { id: care, category: individual_care }
              - { id: planning, category: planning_commissioning }
            data:
              - { id: record, categories: [diagnoses_problems], purposes: [care] }
            flows:
              - { id: f1, from: surgery, to: icb, data: [record] }
          `,
          findings: [{ messageId: 'no-purpose', at: 'flows[0].purposes' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.flows ?? []).forEach((flow, i) => {
      if ((flow.purposes ?? []).length === 0) {
        report({ messageId: 'no-purpose', data: { flow: flow.id }, at: ['flows', i, 'purposes'] });
        return;
      }
      // Unknown purpose ids are reference-unresolved's; items with no purposes are data-without-purpose's.
      const purposes = flowPurposes(a, flow);
      (flow.data ?? []).forEach((id, d) => {
        const index = indexOfData(a, id);
        const own = a.data?.[index]?.purposes ?? [];
        if (own.length === 0) return;
        const extra = purposes.filter((p) => !own.includes(p.id));
        if (extra.length === 0) return;
        report({
          messageId: 'creep',
          data: { flow: flow.id, item: id, purposes: joinWords(extra.map(purposeName)), own: joinWords(own.map((p) => `"${p}"`)) },
          at: ['flows', i, 'data', d],
          related: [{ at: ['data', index, 'purposes'], message: `The purposes of "${id}" are declared here.` }],
        });
      });
    });
  },
});
