import { defineRule, yaml } from '../src/core/rule.js';
import { agreementEnd, hasTerm } from '../src/core/facts.js';
import { formatDate } from '../src/core/summary.js';
export default defineRule({
  id: 'agreement-expired-or-no-term',
  meta: {
    title: 'An active agreement must not have expired, and must have an end',
    description:
      'Reports an agreement marked active whose expiry date has passed (error), and one with neither an expiry date nor termination terms (warning).',
    rationale:
      'Data shared after an agreement has expired is shared with no agreed rules behind it: no agreed purposes, limits, security or retention. ' +
      'An agreement marked `active` with an expiry date in the past means either the sharing has carried on without governance, or the record is ' +
      'wrong; both need putting right. The agreement is still in force on its expiry date itself.\n\n' +
      'An agreement with no end date and no termination terms runs for ever unless someone remembers to stop it, which works against storage ' +
      'limitation and regular review. A fixed term, or clear terms for ending it and for what happens to the data, keeps the sharing tied to the ' +
      'need for it. (An expiry date before the agreement takes effect is reported by `dates-out-of-order`.)',
    fix:
      'For an expired agreement: stop the sharing, or renew the agreement (review it, set a new `dates.expires` and record fresh sign-off), or set ' +
      '`status: expired`. For an agreement with no term: add `dates.expires`, or a `termination` section with the notice a party must give ' +
      '(`notice_period`) and what happens to the shared data (`data_on_termination`).',
    severity: 'error',
    severityReason:
      'Sharing under an expired agreement has no agreed governance (error); an open-ended agreement is a gap a reviewer would expect closed (warning).',
    area: 'L',
    importance: 265,
    tags: ['lifecycle', 'storage-limitation', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(e) (storage limitation) and Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'reviewing and ending the data sharing arrangement',
        url: 'https://ico.org.uk/for-organisations/data-sharing-a-code-of-practice/navigating-the-data-sharing-code/',
      },
    ],
    defaultOptions: {},
    messages: {
      expired: [
        'The agreement is marked active but expired on {{date}}; any data shared since then has no agreement behind it. Stop the sharing, or renew ',
        'the agreement (review it, set a new expiry date and record fresh sign-off), or set status: expired.',
      ],
      'no-term': {
        text: [
          'The agreement has no end date and no termination terms, so it runs until someone remembers to stop it. Add `expires` under `dates`, or a ',
          '`termination` section saying how much notice a party gives and what happens to the shared data.',
        ],
        severity: 'warning',
      },
    },
    examples: {
      valid: [
        {
          title: 'an active agreement within its term',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            status: active
            dates:
              effective_from: 2026-04-01
              expires: 2027-03-31
          `,
        },
        {
          title: 'an open-ended agreement with termination terms',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            status: active
            dates:
              effective_from: 2026-04-01
            termination:
              notice_period: P3M
              data_on_termination: secure_destruction
          `,
        },
      ],
      invalid: [
        {
          title: 'an active agreement that has expired',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            status: active
            dates:
              effective_from: 2025-04-01
              expires: 2026-03-31
          `,
          findings: [{ messageId: 'expired', at: 'dates.expires' }],
        },
        {
          title: 'no expiry date and no termination terms',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            status: active
            dates:
              effective_from: 2026-04-01
          `,
          findings: [{ messageId: 'no-term', at: 'dates.expires' }],
        },
      ],
    },
  },
  check({ agreement: a, asOf, report }) {
    if (hasTerm(a)) {
      const end = agreementEnd(a);
      // The agreement is still in force on its expiry date.
      if (a.status === 'active' && end !== undefined && end < asOf) {
        const written = a.dates?.expires;
        report({
          messageId: 'expired',
          data: { date: formatDate(written ?? end) },
          at: written !== undefined ? ['dates', 'expires'] : ['dates', 'initial_term'],
          related: [{ at: ['status'], message: 'The agreement is marked active here.' }],
        });
      }
      return;
    }
    if (a.status === 'expired' || a.status === 'withdrawn') return;
    const termination = a.termination;
    if (termination?.notice_period !== undefined || termination?.data_on_termination !== undefined) return;
    report({ messageId: 'no-term', at: ['dates', 'expires'] });
  },
});
