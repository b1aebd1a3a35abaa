import { defineDocumentRule, yaml } from '../src/core/rule.js';

export default defineDocumentRule({
  id: 'waiver-invalid',
  meta: {
    title: 'Waivers must name a rule, give a reason, and be current',
    description:
      'Reports inline `dsalint-disable-next-line` comments and `waivers:` config entries that have no reason, no approver, no expiry, have expired, ' +
      'name an unknown rule, waive nothing (or only part of what they name), or break the config\'s `waiver_policy`.',
    rationale:
      'A waiver records that an accountable person accepted a risk. Without a reason and an approver it records nothing; without an expiry it lasts for ever. ' +
      'An expired waiver no longer suppresses its finding, so the risk is put back in front of the reviewers.\n\n' +
      'An inline waiver of an error suppresses it only when it names who approved it and when it lapses: ' +
      '`# dsalint-disable-next-line whole-system-access -- <reason>; approved by: Dr A Patel, Caldicott Guardian; expires: 2027-03-31`. ' +
      'The config\'s `waiver_policy` can forbid inline waivers altogether (`inline: forbid`), relax the approval rule ' +
      '(`inline_errors_need_approval: false`), and list rules that no waiver may ever suppress (`never_waive`).',
    fix:
      'Write `# dsalint-disable-next-line <rule-id> -- <reason>; approved by: <name and role>; expires: YYYY-MM-DD` on the line before the finding, or add a ' +
      '`waivers:` entry with `rule`, `files`, `reason`, `approved_by` and `expires`. Renew or remove expired waivers; remove rules a waiver does not need.',
    severity: 'error',
    severityReason: 'A waiver without a reason hides a finding without the accountable decision that should go with it.',
    area: 'format',
    importance: 900,
    tags: ['governance', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' }],
    defaultOptions: {},
    messages: {
      'no-reason': 'This waiver of {{rules}} gives no reason, so it does not suppress anything; add " -- <why the risk is accepted>".',
      'inline-no-rule': 'This waiver names no rule; write the rule id after dsalint-disable-next-line.',
      'unknown-rule': 'This waiver names {{rules}}, which is not a dsalint rule; run `dsalint rules` for the ids.',
      unused: { text: 'This waiver of {{rules}} matches no finding; remove it if the risk it accepted has gone.', severity: 'info' },
      'no-approver': { text: 'Waiver {{index}} of {{rules}} does not say who approved it; add `approved_by`.', severity: 'warning' },
      'no-expiry': { text: 'Waiver {{index}} of {{rules}} has no `expires` date, so it never lapses; add one so the risk is looked at again.', severity: 'warning' },
      expired: { text: 'Waiver {{index}} of {{rules}} expired on {{expires}} and no longer suppresses findings; renew it with a fresh decision or remove it.', severity: 'warning' },
      'inline-forbidden': [
        'Inline waivers are turned off for these agreements (waiver_policy: { inline: forbid }), so this comment does not suppress {{rules}}. Fix the ',
        'finding, or ask for a waiver in the config file, where it is recorded with who approved it and when it expires.',
      ],
      'never-waivable': 'The config says {{rules}} can never be waived (waiver_policy: never_waive), so this comment suppresses nothing there. Fix the finding itself.',
      'config-never-waivable': 'Waiver {{index}} of {{rules}} is ignored: waiver_policy says {{rules}} can never be waived. Fix the finding itself, or remove the waiver.',
      'needs-approval': [
        'This waiver would hide an error from {{rules}}, which needs an accountable approver and an expiry date: end the comment with ',
        '"; approved by: <name and role>; expires: YYYY-MM-DD". Until then the finding stands.',
      ],
      'inline-expired': { text: 'This waiver of {{rules}} expired on {{expires}} and no longer suppresses findings; renew it with a fresh decision or remove it.', severity: 'warning' },
      'partly-unused': { text: 'This waiver names {{unused}}, which match no finding on the next line (it does apply to {{used}}); remove {{unused}} from it.', severity: 'info' },
    },
    examples: {
      valid: [
        {
          title: 'an inline waiver with a reason',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
            flows:
              # dsalint-disable-next-line reference-unresolved -- the ME office joins in v2; agreed by the CG, 2026-03-01
              - { id: f1, from: surgery, to: meo }
          `,
        },
      ],
      invalid: [
        {
          title: 'an inline waiver without a reason',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
            flows:
              # dsalint-disable-next-line reference-unresolved
              - { id: f1, from: surgery, to: meo }
          `,
          findings: [{ messageId: 'no-reason', text: '# dsalint-disable-next-line reference-unresolved' }],
        },
      ],
    },
  },
  // The engine and runner report waiver problems: they see every finding and every config.
  check() {},
});
