import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { compareVersions, firstDayOf, lastDayOf, partyName } from '../src/core/facts.js';
import { formatDate } from '../src/core/summary.js';
import { labelOf } from '../src/vocabulary.js';
export default defineRule({
  id: 'dates-out-of-order',
  meta: {
    title: 'Dates and versions must be in a possible order',
    description:
      'Reports an agreement that expires before it takes effect, a review date after the expiry date, an approval dated in the future, and a ' +
      'version history that is out of order, dated out of order, or newer than the agreement.',
    rationale:
      'Dates and version numbers are how a reader tells which version of an agreement is in force, when it was approved and when it must be ' +
      'reviewed. When they contradict each other — an agreement that ends before it starts, a history that lists versions in no order, a ' +
      'version 1.3 dated before version 1.2 — at least one of them is wrong, and the rules that judge expiry, reviews and fresh sign-off ' +
      'cannot be trusted to read them correctly.\n\n' +
      'An approval dated after the run date is reported as a warning: it may be a typing slip, or a sign-off recorded before it happened. ' +
      '`history` may list the current version (its entry records what the current version changed), but not a version newer than the agreement\'s ' +
      '`version`. Invalid dates themselves are reported by `schema`.',
    fix: 'Correct the date or version that is wrong. List `history` entries in version order (oldest first or newest first, consistently).',
    severity: 'error',
    severityReason: 'Contradictory dates mean the agreement\'s term, approvals or history cannot be read reliably.',
    area: 'L',
    importance: 530,
    tags: ['lifecycle', 'format', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' }],
    defaultOptions: {},
    messages: {
      'expires-before-effective': {
        text: 'The agreement expires on {{expires}}, before it takes effect on {{from}}. Correct whichever date is wrong.',
        request: 'Ask {{drafter}} to correct the dates: the agreement expires on {{expires}}, before it takes effect on {{from}}.',
      },
      'review-after-expiry': {
        text: [
          'The review date ({{review}}) is after the agreement expires ({{expires}}), so the review would never happen while it is in force. Set a review ',
          'date before the expiry date, or correct the expiry date.',
        ],
        request: 'Ask {{drafter}} for a review date before the agreement expires ({{expires}}): the review date {{review}} would come too late.',
      },
      'approval-in-future': {
        text: [
          'This approval by the {{role}} of {{party}} is dated {{date}}, which is in the future. Record an approval only once it has been given, or ',
          'correct the date.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} to correct the approval by the {{role}} of {{party}}: it is dated {{date}}, in the future.',
      },
      'history-out-of-order': {
        text: [
          'Version {{version}} is listed after version {{previous}}, out of order with the rest of the history. List the history in version order ',
          '(oldest first or newest first).',
        ],
        request: 'Ask {{drafter}} to list the version history in order (version {{version}} comes after version {{previous}}).',
      },
      'history-repeated': {
        text: 'Version {{version}} appears twice in the history. Merge the two entries, or correct the version number.',
        request: 'Ask {{drafter}} to correct the version history: version {{version}} appears twice.',
      },
      'history-dated-out-of-order': {
        text: 'Version {{version}} is dated {{date}}, before the earlier version {{earlier}} ({{earlierDate}}). Correct whichever date or version is wrong.',
        request: 'Ask {{drafter}} to correct the version history: version {{version}} is dated {{date}}, before the earlier version {{earlier}}.',
      },
      'history-newer-than-agreement': {
        text: [
          'The history lists version {{version}}, newer than the agreement\'s own version {{current}}. Update the agreement\'s `version`, or correct the ',
          'history entry.',
        ],
        request: 'Ask {{drafter}} which version this is: the history lists version {{version}}, newer than the agreement\'s own version {{current}}.',
      },
    },
    examples: {
      valid: [
        {
          title: 'dates and history in order',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.2.0
            dates:
              effective_from: 2026-04-01
              review_by: 2027-01-31
              expires: 2027-03-31
            history:
              - { version: 1.0.0, date: 2025-04-01 }
              - { version: 1.1.0, date: 2025-10-01 }
              - { version: 1.2.0, date: 2026-04-01 }
          `,
        },
      ],
      invalid: [
        {
          title: 'an agreement that expires before it takes effect',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.2.0
            dates:
              effective_from: 2026-04-01
              expires: 2025-03-31
          `,
          findings: [{ messageId: 'expires-before-effective', at: 'dates.expires' }],
        },
        {
          title: 'a history listed out of order',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.2.0
            history:
              - { version: 1.0.0 }
              - { version: 1.2.0 }
              - { version: 1.1.0 }
          `,
          findings: [{ messageId: 'history-out-of-order', at: 'history[2].version' }],
        },
      ],
    },
  },
  check({ agreement: a, asOf, report }) {
    const { effective_from: from, expires, review_by: review } = a.dates ?? {};
    if (from !== undefined && expires !== undefined && lastDayOf(expires) < firstDayOf(from)) {
      report({
        messageId: 'expires-before-effective',
        data: { expires: formatDate(expires), from: formatDate(from) },
        at: ['dates', 'expires'],
        related: [{ at: ['dates', 'effective_from'], message: `The agreement takes effect on ${formatDate(from)}.` }],
      });
    }
    if (review !== undefined && expires !== undefined && firstDayOf(review) > lastDayOf(expires)) {
      report({
        messageId: 'review-after-expiry',
        data: { review: formatDate(review), expires: formatDate(expires) },
        at: ['dates', 'review_by'],
        related: [{ at: ['dates', 'expires'], message: `The agreement expires on ${formatDate(expires)}.` }],
      });
    }

    (a.approvals ?? []).forEach((approval, i) => {
      if (approval.date === undefined || approval.date <= asOf) return;
      report({
        messageId: 'approval-in-future',
        data: { role: labelOf('signoffRole', approval.role), party: partyName(a, approval.party), date: formatDate(approval.date) },
        at: ['approvals', i, 'date'],
      });
    });

    const history = (a.history ?? []).flatMap((entry, index) => (entry.version !== undefined ? [{ entry, index, version: entry.version }] : []));

    // List order: consistently ascending or descending, as the first differing pair sets it.
    let direction = 0;
    let previous = history[0];
    for (const current of history.slice(1)) {
      const order = Math.sign(compareVersions(current.version, previous!.version));
      const related = [{ at: ['history', previous!.index, 'version'] satisfies Path, message: `Version ${previous!.version} is listed here.` }];
      if (order === 0) {
        report({ messageId: 'history-repeated', data: { version: current.version }, at: ['history', current.index, 'version'], related });
        continue;
      }
      if (direction === 0) direction = order;
      if (order !== direction) {
        report({
          messageId: 'history-out-of-order',
          data: { version: current.version, previous: previous!.version },
          at: ['history', current.index, 'version'],
          related,
        });
        continue; // judge the next entry against the last one that was in order
      }
      previous = current;
    }

    // Dates must rise with versions, wherever the entries are listed.
    for (const later of history) {
      if (later.entry.date === undefined) continue;
      const earlier = history.find((e) => e.entry.date !== undefined && compareVersions(e.version, later.version) < 0 && e.entry.date > later.entry.date!);
      if (!earlier) continue;
      report({
        messageId: 'history-dated-out-of-order',
        data: { version: later.version, date: formatDate(later.entry.date), earlier: earlier.version, earlierDate: formatDate(earlier.entry.date) },
        at: ['history', later.index, 'date'],
        related: [{ at: ['history', earlier.index, 'date'], message: `Version ${earlier.version} is dated ${formatDate(earlier.entry.date)}.` }],
      });
    }

    if (a.version !== undefined) {
      for (const { version, index } of history) {
        if (compareVersions(version, a.version) <= 0) continue;
        report({
          messageId: 'history-newer-than-agreement',
          data: { version, current: a.version },
          at: ['history', index, 'version'],
          related: [{ at: ['version'], message: `The agreement is version ${a.version}.` }],
        });
      }
    }
  },
});
