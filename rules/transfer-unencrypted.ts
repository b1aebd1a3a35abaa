import { defineRule, yaml } from '../src/core/rule.js';
import { flowData, isIdentifying } from '../src/core/facts.js';
import { labelOf, WEAK_TRANSFER_METHODS } from '../src/vocabulary.js';
export default defineRule({
  id: 'transfer-unencrypted',
  meta: {
    title: 'Data must travel by a secure, encrypted route',
    description: 'Reports a flow whose transfer method is insecure by nature (unencrypted email, fax, untracked post, unencrypted removable media) or that is stated not to be encrypted in transit.',
    rationale:
      'Patient information sent by ordinary email, fax or untracked post, or on an unencrypted memory stick, can be read by anyone who intercepts, ' +
      'misdirects or finds it. These are among the commonest causes of reported data breaches. Secure routes exist for health and care: NHSmail, ' +
      'secure file transfer such as MESH, authenticated APIs such as GP Connect, and shared care record portals. NHS organisations were told to stop ' +
      'using fax machines in 2020.\n\nA flow that carries only anonymised or aggregate data is not asked.',
    fix:
      'Choose a secure method for `transfer.method` (nhsmail, secure_file_transfer, api, shared_care_record or clinical_system) and confirm the data ' +
      'is encrypted in transit (`encrypted: true`). If a weak method cannot be avoided, record why and what protects the data, and have the Caldicott ' +
      'Guardian agree it.',
    severity: 'warning',
    severityReason: 'An insecure route is a likely breach of the security principle, but the risk depends on the data and the circumstances, so it needs human judgement.',
    area: 'H',
    importance: 350,
    tags: ['security', 'integrity-confidentiality'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(f) (integrity and confidentiality)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      { instrument: 'UK GDPR', provision: 'Art 32(1)(a) (encryption)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/32' },
    ],
    defaultOptions: {},
    messages: {
      'weak-method': {
        text: 'Flow "{{flow}}" sends patient data by {{method}}, which is not secure. Use a secure, encrypted route such as NHSmail or secure file transfer.',
        request: 'Ask {{drafter}} to send the data in "{{flow}}" by a secure, encrypted route such as NHSmail or secure file transfer, not by {{method}}.',
      },
      'not-encrypted': {
        text: 'Flow "{{flow}}" is stated not to be encrypted in transit. Encrypt the data in transit, or use a route that does (such as NHSmail or secure file transfer).',
        request: 'Ask {{drafter}} to encrypt the data in "{{flow}}" in transit (for example NHSmail or secure file transfer).',
      },
    },
    examples: {
      valid: [{
        title: 'NHSmail, encrypted',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          parties:
            - { id: surgery, name: Example Surgery }
            - { id: meo, name: Medical Examiner Office }
          flows:
            - { id: f1, from: surgery, to: meo, transfer: { method: nhsmail, encrypted: true } }
        `,
      }],
      invalid: [
        {
          title: 'fax',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: meo, name: Medical Examiner Office }
            flows:
              - { id: f1, from: surgery, to: meo, transfer: { method: fax } }
          `,
          findings: [{ messageId: 'weak-method', at: 'flows[0].transfer.method' }],
        },
        {
          title: 'not encrypted',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: meo, name: Medical Examiner Office }
            flows:
              - { id: f1, from: surgery, to: meo, transfer: { method: secure_file_transfer, encrypted: false } }
          `,
          findings: [{ messageId: 'not-encrypted', at: 'flows[0].transfer.encrypted' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.flows ?? []).forEach((flow, i) => {
      const transfer = flow.transfer;
      if (!transfer) return;
      const data = flowData(a, flow);
      if (data.length > 0 && !data.some(isIdentifying) && flow.access?.mode !== 'live_system_access') return;
      if (transfer.method !== undefined && WEAK_TRANSFER_METHODS.has(transfer.method)) {
        report({ messageId: 'weak-method', data: { flow: flow.id, method: labelOf('transferMethod', transfer.method).toLowerCase() }, at: ['flows', i, 'transfer', 'method'] });
      } else if (transfer.encrypted === false) {
        report({ messageId: 'not-encrypted', data: { flow: flow.id }, at: ['flows', i, 'transfer', 'encrypted'] });
      }
    });
  },
});
