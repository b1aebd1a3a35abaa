import { defineRule, yaml } from '../src/core/rule.js';
import { flowsCarrying, flowsFor } from '../src/core/facts.js';

export default defineRule({
  id: 'declared-but-unused',
  meta: {
    title: 'Every declared purpose and data item must be used',
    description: 'Reports a purpose that no flow or data item uses, and a data item that no flow shares, in an agreement that sets out its flows.',
    rationale:
      'A purpose declared but never used, or data listed but never shared, makes the agreement say more than the sharing needs. A reader (or a ' +
      'patient reading the privacy notice built from it) is told the data may be used for that purpose, or that that data is shared, and nobody ' +
      'can tell whether it is a leftover from an earlier version, a use planned for later without being agreed, or a flow someone forgot to ' +
      'write down. Each of those needs a decision: the minimum necessary (Caldicott Principle 3, UK GDPR Art 5(1)(c)) is what the purposes ' +
      'actually need, not what might one day be useful.\n\n' +
      'Only agreements that set out their flows are judged, and only when every flow names its purposes (or its data): a flow that names none, ' +
      'such as live access to a system, may carry any of them. A purpose named by a data item counts as used.',
    fix:
      'Ask whether the purpose or data is really part of this sharing. If it is, add the flow that carries it; if not, remove it from the agreement ' +
      '(and from the privacy notices that describe it).',
    severity: 'warning',
    severityReason: 'An unused declaration widens what the agreement permits without any sharing needing it, but it may be a drafting gap.',
    area: 'A',
    importance: 440,
    tags: ['minimisation', 'purpose-limitation', 'caldicott-3'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(b) and (c) (purpose limitation, data minimisation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      {
        instrument: 'ICO: Data minimisation',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/data-minimisation/',
      },
    ],
    defaultOptions: {},
    messages: {
      'unused-purpose': {
        text: [
            'The purpose "{{purpose}}" is declared, but no flow or data item uses it. Ask whether it is part of this sharing: add the flow that serves ',
            'it, or remove it so the agreement does not permit a use nobody needs.',
          ],
        request: 'Ask {{drafter}} whether "{{purpose}}" is part of this sharing; if not, ask for it to be removed, so that the agreement does not permit a use nobody needs.',
      },
      'unused-data': {
        text: [
            'Data item "{{item}}" is listed, but no flow shares it. Ask whether it is needed: add it to the flow that shares it, or remove it so the ',
            'agreement covers only the data the purposes need.',
          ],
        request: 'Ask {{drafter}} whether "{{item}}" is needed; if not, ask for it to be removed, so that the agreement covers only the data the purposes need.',
      },
    },
    examples: {
      valid: [
        {
          title: 'every purpose and item used',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: care }
            data:
              - { id: summary, categories: [medications] }
            flows:
              - { id: f, from: a, to: b, data: [summary], purposes: [care] }
          `,
        },
      ],
      invalid: [
        {
          title: 'a purpose nothing uses',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: care }
              - { id: research }
            flows:
              - { id: f, from: a, to: b, purposes: [care] }
          `,
          findings: [{ messageId: 'unused-purpose', text: 'research' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if ((a.flows ?? []).length === 0) return;
    // A flow that names no purposes, or no data, may carry any of them: judge only when every flow says.
    const flows = a.flows ?? [];
    const purposesNamed = flows.every((f) => (f.purposes ?? []).length > 0);
    const dataNamed = flows.every((f) => (f.data ?? []).length > 0);
    (a.purposes ?? []).forEach((purpose, i) => {
      if (!purposesNamed || flowsFor(a, purpose.id).length > 0) return;
      if ((a.data ?? []).some((d) => (d.purposes ?? []).includes(purpose.id))) return;
      report({ messageId: 'unused-purpose', data: { purpose: purpose.id }, at: ['purposes', i, 'id'] });
    });
    (a.data ?? []).forEach((item, i) => {
      if (!dataNamed || flowsCarrying(a, item.id).length > 0) return;
      report({ messageId: 'unused-data', data: { item: item.id }, at: ['data', i, 'id'] });
    });
  },
});
