import type { Agreement, Flow } from '../src/generated/agreement.js';
import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { orgTypeOf, partyById, partyName } from '../src/core/facts.js';
import { joinWords } from '../src/core/words.js';

interface Control {
  readonly key: 'mfa' | 'role_based_access' | 'audit_logging';
  readonly label: string;
  /** The flow's `access` can state it (true or false); otherwise only `security.measures` can. */
  readonly onFlow: boolean;
}

const CONTROLS: readonly Control[] = [
  { key: 'mfa', label: 'multi-factor authentication', onFlow: false },
  { key: 'role_based_access', label: 'role-based access', onFlow: true },
  { key: 'audit_logging', label: 'an audit of every access', onFlow: true },
];

/** Where the fix records the missing controls: flow controls in its `access`, the rest under `security.measures`. */
function recordWhere(missing: readonly Control[]): string {
  const onFlow = missing.filter((c) => c.onFlow).map((c) => `${c.key}: true`);
  const inMeasures = missing.filter((c) => !c.onFlow).map((c) => c.key);
  return joinWords([
    ...(inMeasures.length > 0 ? [`\`${inMeasures.join(', ')}\` under \`security.measures\``] : []),
    ...(onFlow.length > 0 ? [`\`${onFlow.join(', ')}\` in the flow's \`access\``] : []),
  ]);
}

/** A control is in place when the flow says so, or the security section lists it and the flow does not deny it. */
function hasControl(a: Agreement, flow: Flow, control: Control): boolean {
  const stated = control.onFlow ? flow.access?.[control.key as 'role_based_access' | 'audit_logging'] : undefined;
  if (stated !== undefined) return stated;
  return (a.security?.measures ?? []).includes(control.key);
}

/** Live access into a health or care organisation's own system (an unknown sender counts) is access to a clinical system. */
function isClinicalSystem(a: Agreement, flow: Flow): boolean {
  const sender = orgTypeOf(partyById(a, flow.from));
  return sender === undefined || sender.healthOrCare;
}

export default defineRule({
  id: 'live-access-without-controls',
  meta: {
    title: 'Live access to a clinical system needs multi-factor authentication, role-based access and audit',
    description:
      'Reports a flow that gives live access to a system, or remote access in a secure data environment, when the agreement does not commit to ' +
      'multi-factor authentication, role-based access control ' +
      'and an audit of every access, on the flow or in the security measures: an error for a health or care organisation\'s clinical system, a warning otherwise.',
    rationale:
      'Live access lets staff at another organisation open patients\' records in the source system themselves, at a time of their choosing. Three ' +
      'controls keep that to a need-to-know basis (Caldicott Principle 4), and the ICO\'s advice to health organisations names them: multi-factor ' +
      'authentication, so a stolen password is not enough to get in; role-based access, so each person sees only what their job requires ' +
      '(as NHS Smartcards enforce through the Care Identity Service); and audit logging, so every look at a record can be traced to the person who ' +
      'made it and inappropriate access can be found and acted on. Without them access is unaccountable.\n\n' +
      'Either the flow (`access.role_based_access`, `access.audit_logging`) or the agreement\'s `security.measures` can commit to them (`mfa` only ' +
      'in the security measures); a flow that says `false` is reported even when the security section lists the measure. A measure that does ' +
      'something else (encryption, penetration testing) does not stand in for any of them. Remote analysis in a secure data environment (a trusted ' +
      'research environment) needs the same three, and is reported as a warning since it is not the clinical system itself. Whether live access is the right scope at all is judged ' +
      'by `whole-system-access`.',
    fix:
      'Ask the recipient to confirm that every user signs in with multi-factor authentication (an NHS Smartcard does this), that access is limited ' +
      'by role and that every access is logged and audited, then record it: `mfa` under `security.measures`, and `access: { mode: ' +
      'live_system_access, role_based_access: true, audit_logging: true }` on the flow. If the system cannot do this, choose another way to share.',
    severity: 'error',
    severityReason:
      'Unguarded live access to a clinical system exposes every record in it, so it is an error; for a system outside health and care (a council\'s ' +
      'own case system, say) it is a warning, as the controls may exist but not be written down.',
    area: 'H',
    importance: 345,
    tags: ['security', 'access-control', 'caldicott-4'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 32 (security of processing)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/32' },
      { instrument: 'NHS England: Smartcards and access controls', url: 'https://www.england.nhs.uk/long-read/smartcards-and-access-controls/' },
      { instrument: 'ICO: A guide to data security', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/security/a-guide-to-data-security/' },
      { instrument: 'Data Security and Protection Toolkit', provision: 'National Data Guardian\'s data security standards', url: 'https://www.dsptoolkit.nhs.uk/' },
    ],
    defaultOptions: {},
    messages: {
      'missing-controls': {
        text: [
            'Flow "{{flow}}" gives {{recipient}} {{access}} {{system}}, a clinical system, but {{missing}}. Before access starts, ask {{recipient}} ',
            'to confirm that {{controls}} {{are}} in place, then record {{record}}.',
          ],
        request: 'Ask {{drafter}} to have {{recipient}} confirm, before its access to {{system}} starts, that {{controls}} {{are}} in place.',
      },
      'missing-controls-non-clinical': {
        text: [
            'Flow "{{flow}}" gives {{recipient}} {{access}} {{system}}, but {{missing}}. Before access starts, ask {{recipient}} to confirm that ',
            '{{controls}} {{are}} in place, then record {{record}}.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} to have {{recipient}} confirm, before its access to {{system}} starts, that {{controls}} {{are}} in place.',
      },
    },
    examples: {
      valid: [
        {
          title: 'multi-factor, role-based, audited live access',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: hospital, name: Example Hospital, org_type: nhs_trust_acute }
            flows:
              - { id: f1, from: surgery, to: hospital, access: { mode: live_system_access, role_based_access: true, audit_logging: true } }
            security:
              measures: [mfa]
          `,
        },
      ],
      invalid: [
        {
          title: 'live access with audit logging only',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: hospital, name: Example Hospital, org_type: nhs_trust_acute }
            flows:
              - { id: f1, from: surgery, to: hospital, access: { mode: live_system_access } }
            security:
              measures: [audit_logging]
          `,
          findings: [{ messageId: 'missing-controls', text: 'live_system_access' }],
        },
        {
          title: 'live access stated not to be audited',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: hospital, name: Example Hospital, org_type: nhs_trust_acute }
            flows:
              - { id: f1, from: surgery, to: hospital, access: { mode: live_system_access, role_based_access: true, audit_logging: false } }
            security:
              measures: [mfa]
          `,
          findings: [{ messageId: 'missing-controls', text: 'false' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.flows ?? []).forEach((flow, i) => {
      const mode = flow.access?.mode;
      if (mode !== 'live_system_access' && mode !== 'secure_data_environment') return;
      const missing = CONTROLS.filter((c) => !hasControl(a, flow, c));
      if (missing.length === 0) return;
      const denied = missing.find((c) => c.onFlow && flow.access?.[c.key as 'role_based_access' | 'audit_logging'] === false);
      const at: Path = denied ? ['flows', i, 'access', denied.key as 'role_based_access' | 'audit_logging'] : ['flows', i, 'access', 'mode'];
      const said = missing.filter((c) => c !== denied);
      const reasons = [
        ...(denied ? [`the flow says there is no ${denied.label}`] : []),
        ...(said.length > 0 ? [`nothing in the agreement commits to ${joinWords(said.map((c) => c.label), 'or')}`] : []),
      ];
      // Analysis in a secure data environment is remote access, but not to the clinical system itself.
      const clinical = mode === 'live_system_access' && isClinicalSystem(a, flow);
      const sender = partyName(a, flow.from);
      report({
        messageId: clinical ? 'missing-controls' : 'missing-controls-non-clinical',
        data: {
          flow: flow.id,
          recipient: partyName(a, flow.to),
          access: mode === 'live_system_access' ? 'live access to' : 'remote access to the data in',
          system: flow.access?.system ?? (mode === 'live_system_access' ? `${sender}'s system` : 'a secure data environment'),
          missing: joinWords(reasons),
          controls: joinWords(missing.map((c) => c.label)),
          are: missing.length === 1 ? 'is' : 'are',
          record: recordWhere(missing),
        },
        at,
      });
    });
  },
});
