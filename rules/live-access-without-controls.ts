import type { Agreement, Flow } from '../src/generated/agreement.js';
import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { partyName } from '../src/core/facts.js';

type Control = 'role_based_access' | 'audit_logging';

/** A control is in place when the flow says so, or the security section lists it and the flow does not deny it. */
function hasControl(a: Agreement, flow: Flow, control: Control): boolean {
  const stated = flow.access?.[control];
  if (stated !== undefined) return stated;
  return (a.security?.measures ?? []).includes(control);
}
export default defineRule({
  id: 'live-access-without-controls',
  meta: {
    title: 'Live access to a clinical system needs role-based access and audit logging',
    description:
      'Reports a flow that gives live access to a system when the agreement does not commit to role-based access control and audit logging, on the flow or in the security measures.',
    rationale:
      'Live access lets staff at another organisation open patients\' records in the source system themselves, at a time of their choosing. Two ' +
      'controls keep that to a need-to-know basis (Caldicott Principle 4): role-based access, so each person sees only what their job requires ' +
      '(as NHS Smartcards enforce through the Care Identity Service); and audit logging, so every look at a record can be traced to the person who ' +
      'made it and inappropriate access can be found and acted on. Without them access is unaccountable.\n\n' +
      'Either the flow (`access.role_based_access`, `access.audit_logging`) or the agreement\'s `security.measures` can commit to them; a flow that ' +
      'says `false` is reported even when the security section lists the measure. Whether live access is the right scope at all is judged by ' +
      '`whole-system-access`.',
    fix:
      'Confirm that access is limited by role and that every access is logged and audited, then record it on the flow: `access: { mode: ' +
      'live_system_access, role_based_access: true, audit_logging: true }` (or list `role_based_access` and `audit_logging` under `security.measures`). ' +
      'If the system cannot do this, choose another way to share.',
    severity: 'warning',
    severityReason: 'The controls may exist but not be written down; a Caldicott Guardian needs to confirm them before live access is given.',
    area: 'H',
    importance: 345,
    tags: ['security', 'access-control', 'caldicott-4'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 32 (security of processing)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/32' },
      { instrument: 'NHS England: Smartcards and access controls', url: 'https://www.england.nhs.uk/long-read/smartcards-and-access-controls/' },
      { instrument: 'CQC: GP mythbuster 41: Smartcards', url: 'https://cqc.org.uk/guidance-providers/gps/gp-mythbusters/gp-mythbuster-41-smartcards' },
    ],
    defaultOptions: {},
    messages: {
      'no-role-based-access': [
        'Flow "{{flow}}" gives {{recipient}} live access to the system, but {{reason}}. Limit access by role so each person sees only what their job ',
        'needs, then record role_based_access: true in the flow\'s `access`.',
      ],
      'no-audit-logging': [
        'Flow "{{flow}}" gives {{recipient}} live access to the system, but {{reason}}. Make sure every access is logged and audited, then record ',
        'audit_logging: true in the flow\'s `access`.',
      ],
    },
    examples: {
      valid: [{
        title: 'role-based, audited live access',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          parties:
            - { id: surgery, name: Example Surgery }
            - { id: hospital, name: Example Hospital }
          flows:
            - { id: f1, from: surgery, to: hospital, access: { mode: live_system_access, role_based_access: true, audit_logging: true } }
        `,
      }],
      invalid: [
        {
          title: 'live access with audit logging but no role-based access',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: hospital, name: Example Hospital }
            flows:
              - { id: f1, from: surgery, to: hospital, access: { mode: live_system_access } }
            security:
              measures: [audit_logging]
          `,
          findings: [{ messageId: 'no-role-based-access', at: 'flows[0].access.mode' }],
        },
        {
          title: 'live access stated not to be audited',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: hospital, name: Example Hospital }
            flows:
              - { id: f1, from: surgery, to: hospital, access: { mode: live_system_access, role_based_access: true, audit_logging: false } }
          `,
          findings: [{ messageId: 'no-audit-logging', at: 'flows[0].access.audit_logging' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.flows ?? []).forEach((flow, i) => {
      if (flow.access?.mode !== 'live_system_access') return;
      const check = (control: Control, messageId: 'no-role-based-access' | 'no-audit-logging', denial: string, silence: string): void => {
        if (hasControl(a, flow, control)) return;
        const denied = flow.access?.[control] === false;
        const at: Path = denied ? ['flows', i, 'access', control] : ['flows', i, 'access', 'mode'];
        report({ messageId, data: { flow: flow.id, recipient: partyName(a, flow.to), reason: denied ? denial : silence }, at });
      };
      check('role_based_access', 'no-role-based-access', 'the flow says access is not limited by role', 'the agreement does not say access is limited by role');
      check('audit_logging', 'no-audit-logging', 'the flow says access is not logged and audited', 'the agreement does not say every access is logged and audited');
    });
  },
});
