import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { addDays, agreementEnd, daysBetween, hasTerm } from '../src/core/facts.js';
import { formatDate } from '../src/core/summary.js';
import { labelOf } from '../src/vocabulary.js';

interface Options {
  readonly warn_within_days: number;
}

/** Statuses under which an agreement has ended, so nothing more is asked of it. */
const ENDED = new Set(['expired', 'withdrawn']);

export default defineRule({
  id: 'agreement-expired-or-no-term',
  meta: {
    title: 'An active agreement must not have expired, and must have an end',
    description:
      'Reports an agreement whose expiry date has passed, whatever its status says unless it is expired or withdrawn (error); one that expires within ' +
      'the warning window, 60 days by default (warning); and one with neither an expiry date nor termination terms (warning).',
    rationale:
      'Data shared after an agreement has expired is shared with no agreed rules behind it: no agreed purposes, limits, security or retention. ' +
      'An agreement with an expiry date in the past that is not marked `expired` or `withdrawn` (active, suspended, a draft, or no status at all) ' +
      'means either the sharing has carried on without governance, or the record is wrong; both need putting right. The agreement is still in force ' +
      'on its expiry date itself. An expiry date coming up within the warning window is reported too, so that renewal (review, changes, fresh ' +
      'sign-off) starts before the sharing has to stop.\n\n' +
      'An agreement with no end date and no termination terms runs for ever unless someone remembers to stop it, which works against storage ' +
      'limitation and regular review. A fixed term, or clear terms for ending it and for what happens to the data, keeps the sharing tied to the ' +
      'need for it. (An expiry date before the agreement takes effect is reported by `dates-out-of-order`.)',
    fix:
      'For an expired agreement: stop the sharing, or renew the agreement (review it, set a new `dates.expires` and record fresh sign-off), or set ' +
      '`status: expired`. For one expiring soon: start the review and renewal now. For an agreement with no term: add `dates.expires`, or a `termination` section with the notice a party must give ' +
      '(`notice_period`) and what happens to the shared data (`data_on_termination`).',
    severity: 'error',
    severityReason:
      'Sharing under an expired agreement has no agreed governance (error); an open-ended agreement, or one about to expire, is a gap a reviewer ' +
      'would expect closed (warning).',
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
    optionsSchema: {
      type: 'object',
      properties: {
        warn_within_days: {
          type: 'integer',
          minimum: 0,
          description: 'An expiry date this many days away or fewer is reported as a warning, so renewal starts in time; 0 turns the warning off.',
          default: 60,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { warn_within_days: 60 } as Options,
    messages: {
      expired: {
        text: [
            'The agreement expired on {{date}}{{status}}; any data shared since then has no agreement behind it. Stop the sharing, or renew ',
            'the agreement (review it, set a new expiry date and record fresh sign-off), or set status: expired.',
          ],
        request: 'Ask {{drafter}} whether data is still being shared: the agreement expired on {{date}}. If it is, ask for it to stop until the agreement is reviewed and renewed.',
      },
      'expiring-soon': {
        text: [
            'The agreement expires on {{date}}, {{days}} from the judging date. Start the review now (is the sharing still needed and lawful?) so ',
            'that it can be renewed, with fresh sign-off, or ended in an orderly way before then.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} to start the review now: the agreement expires on {{date}}.',
      },
      'no-term': {
        text: [
            'The agreement has no end date and no termination terms, so it runs until someone remembers to stop it. Add `expires` under `dates`, or a ',
            '`termination` section saying how much notice a party gives and what happens to the shared data.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} for an end date, or for termination terms (the notice a party gives and what happens to the shared data).',
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
          findings: [{ messageId: 'expired', text: '2026-03-31' }],
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
          findings: [{ messageId: 'no-term', text: 'dates' }],
        },
      ],
    },
  },
  check({ agreement: a, asOf, options, report }) {
    const ended = a.status !== undefined && ENDED.has(a.status);
    if (hasTerm(a)) {
      const end = agreementEnd(a);
      if (ended || end === undefined) return;
      const written = a.dates?.expires;
      const at: Path = written !== undefined ? ['dates', 'expires'] : ['dates', 'initial_term'];
      // The agreement is still in force on its expiry date.
      if (end < asOf) {
        const status = a.status === undefined ? ', but nothing records that it has ended' : `, but its status is still "${labelOf('agreementStatus', a.status).toLowerCase()}"`;
        report({
          messageId: 'expired',
          data: { date: formatDate(written ?? end), status },
          at,
          related: a.status === undefined ? [] : [{ at: ['status'], message: `The agreement is marked ${a.status} here.` }],
        });
      } else if (options.warn_within_days > 0 && a.status !== 'draft' && end <= addDays(asOf, options.warn_within_days)) {
        report({ messageId: 'expiring-soon', data: { date: formatDate(written ?? end), days: daysBetween(asOf, end) }, at });
      }
      return;
    }
    if (ended) return;
    const termination = a.termination;
    if (termination?.notice_period !== undefined || termination?.data_on_termination !== undefined) return;
    report({ messageId: 'no-term', at: ['dates', 'expires'] });
  },
});
