import { defineRule, yaml } from '../src/core/rule.js';
import { addDays, addDuration, daysBetween, firstDayOf, lastDayOf } from '../src/core/facts.js';
import { formatDate } from '../src/core/summary.js';

interface Options {
  readonly overdue_error_months: number;
  readonly max_interval_months: number;
  readonly warn_within_days: number;
}

/** Statuses for which no review is needed: the agreement has ended. */
const ENDED = new Set(['expired', 'withdrawn']);

function months(n: number) {
  return { years: 0, months: n, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
}

export default defineRule({
  id: 'review-date-missing-or-overdue',
  meta: {
    title: 'An agreement needs a review date, and reviews must happen',
    description:
      'Reports an agreement with no `dates.review_by`, one in force whose review date has passed (an error once it is more than a year overdue), ' +
      'one whose review falls due within the warning window (60 days by default), and a first review set more than two years after the agreement takes effect.',
    rationale:
      'Sharing that was necessary and proportionate when it was agreed may not stay so: the service changes, a recipient starts using the data ' +
      'differently, the law changes (as it did on 5 February 2026). The ICO\'s data sharing code asks the parties to review the arrangement ' +
      'regularly and amend the agreement when needed; NHS information sharing templates typically review after six months and then yearly.\n\n' +
      'An agreement with no review date, or a review date long past, is sharing patient data on a decision nobody has revisited. dsalint does not ' +
      'ask for a review of an agreement that has expired or been withdrawn, and does not call a draft\'s review overdue; an agreement whose end date ' +
      'has passed is reported by `agreement-expired-or-no-term` instead.',
    fix:
      'Set `dates.review_by` no more than two years (ideally one) after `dates.effective_from`. When a review is due, review the agreement with all ' +
      'parties — is the sharing still needed, still limited to what is needed, still lawful? — record any changes, and set the next review date.',
    severity: 'warning',
    severityReason:
      'A missed review is a governance gap rather than proof of unlawful sharing; once it is more than a year overdue it is reported as an error, ' +
      'because the arrangement has gone unchecked for a whole review cycle.',
    area: 'L',
    importance: 450,
    tags: ['lifecycle', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'reviewing the data sharing arrangement',
        url: 'https://ico.org.uk/for-organisations/data-sharing-a-code-of-practice/navigating-the-data-sharing-code/',
      },
      { instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
    ],
    optionsSchema: {
      type: 'object',
      properties: {
        overdue_error_months: {
          type: 'integer',
          minimum: 0,
          description: 'A review overdue by more than this many months is reported as an error rather than a warning.',
          default: 12,
        },
        warn_within_days: {
          type: 'integer',
          minimum: 0,
          description: 'A review date this many days away or fewer is reported as a warning, so the review is planned in time; 0 turns the warning off.',
          default: 60,
        },
        max_interval_months: {
          type: 'integer',
          minimum: 1,
          description: 'The longest gap allowed between the agreement taking effect and its review date, in months.',
          default: 24,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { overdue_error_months: 12, max_interval_months: 24, warn_within_days: 60 } as Options,
    messages: {
      missing: {
        text: [
            'The agreement has no review date. Add `review_by` under `dates`, no more than {{max}} months after the agreement takes effect (yearly is usual), ',
            'so that the sharing is checked while it continues.',
          ],
        request: 'Ask {{drafter}} for a review date, no more than {{max}} months after the agreement takes effect (yearly is usual).',
      },
      'due-soon': {
        text: [
            'The review of this agreement is due on {{date}}, {{days}} from the judging date. Plan it now with all parties (is the sharing still ',
            'needed, limited to what is needed, and lawful?) so it is done before the date passes.',
          ],
        request: 'Ask {{drafter}} to plan the review due on {{date}} with every party.',
      },
      overdue: {
        text: [
            'The review of this agreement was due on {{date}} and is overdue. Review it with all parties (is the sharing still needed, limited to what is ',
            'needed, and lawful?), record any changes, then set the next review date.',
          ],
        request: 'Ask {{drafter}} to review the agreement with every party (its review was due on {{date}}) and set the next review date.',
      },
      'long-overdue': {
        text: [
            'The review of this agreement was due on {{date}}, more than {{months}} months ago, so the sharing has gone unchecked for a whole review cycle. ',
            'Review it with all parties now, record any changes, then set the next review date.',
          ],
        severity: 'error',
        request: 'Ask {{drafter}} to review the agreement with every party now: its review was due on {{date}}, more than {{months}} months ago.',
      },
      'interval-too-long': {
        text: [
            'The review date ({{date}}) is more than {{max}} months after the agreement takes effect ({{from}}). Review it at least every {{max}} months ',
            '(yearly is usual): set an earlier `review_by`.',
          ],
        request: 'Ask {{drafter}} to review the agreement at least every {{max}} months: the review date {{date}} is too far off.',
      },
    },
    examples: {
      valid: [
        {
          title: 'reviewed within a year, review not yet due',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            status: active
            dates:
              effective_from: 2026-04-01
              review_by: 2027-03-31
          `,
        },
      ],
      invalid: [
        {
          title: 'a review date two months past',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            status: active
            dates:
              effective_from: 2025-09-01
              review_by: 2026-09-01
          `,
          findings: [{ messageId: 'overdue', text: '2026-09-01' }],
        },
        {
          title: 'no review date',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            status: active
            dates:
              effective_from: 2026-04-01
          `,
          findings: [{ messageId: 'missing', text: 'dates' }],
        },
      ],
    },
  },
  check({ agreement: a, asOf, options, report }) {
    if (a.status !== undefined && ENDED.has(a.status)) return;
    const dates = a.dates ?? {};
    const reviewBy = lastDayOf(dates.review_by);
    if (reviewBy === undefined) {
      report({ messageId: 'missing', data: { max: options.max_interval_months }, at: ['dates', 'review_by'] });
      return;
    }
    const expires = lastDayOf(dates.expires);
    const inForce = a.status !== 'draft' && !(expires !== undefined && expires < asOf);
    if (inForce && reviewBy >= asOf && options.warn_within_days > 0 && reviewBy <= addDays(asOf, options.warn_within_days)) {
      report({ messageId: 'due-soon', data: { date: formatDate(dates.review_by), days: daysBetween(asOf, reviewBy) }, at: ['dates', 'review_by'] });
    }
    if (inForce && reviewBy < asOf) {
      const longOverdue = asOf > addDuration(reviewBy, months(options.overdue_error_months));
      report({
        messageId: longOverdue ? 'long-overdue' : 'overdue',
        data: { date: formatDate(dates.review_by), months: options.overdue_error_months },
        at: ['dates', 'review_by'],
      });
    }
    const from = firstDayOf(dates.effective_from);
    if (from !== undefined && reviewBy > addDuration(from, months(options.max_interval_months))) {
      report({
        messageId: 'interval-too-long',
        data: { date: formatDate(dates.review_by), from: formatDate(dates.effective_from), max: options.max_interval_months },
        at: ['dates', 'review_by'],
        related: [{ at: ['dates', 'effective_from'], message: `The agreement takes effect on ${formatDate(dates.effective_from)}.` }],
      });
    }
  },
});
