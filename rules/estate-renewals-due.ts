import { defineAcrossRule } from '../src/core/rule.js';
import type { Spot } from '../src/across/record.js';
import { capped } from '../src/across/estate.js';
import { MAX_RELATED_ACROSS } from '../src/across/stage.js';
import type { AcrossEntry } from '../src/across/rule.js';
import { addDays, addDuration, durationInWords, parseDuration } from '../src/core/facts.js';
import { joinWords } from '../src/core/words.js';

const agreement = (id: string, dates: string): string => `dsalint: 1\nid: ${id}\ntitle: Example\nstatus: active\ndates: { ${dates} }\n`;

interface Options {
  readonly window: string;
}

interface Due {
  readonly entry: number;
  readonly what: 'expires' | 'review';
  readonly date: string;
  readonly at: Spot;
}

/** The single-file rule that warns, in each file, of this kind of date coming up. */
const WARNED_BY: Readonly<Record<Due['what'], string>> = { expires: 'agreement-expired-or-no-term', review: 'review-date-missing-or-overdue' };

/** The file's own rule for this kind of date is on and warns about it: within its `warn_within_days` (0 turns its warning off). */
function warnedInFile(entry: AcrossEntry<Options>, d: Due): boolean {
  const options = entry.optionsOf?.(WARNED_BY[d.what]) as { readonly warn_within_days?: number } | undefined;
  const days = options?.warn_within_days;
  if (days === undefined || days <= 0) return false;
  return d.date <= addDays(entry.asOf, days);
}

export default defineAcrossRule({
  id: 'estate-renewals-due',
  meta: {
    title: 'Agreements expiring or due for review soon',
    description:
      'Across the agreements in force, lists those that expire or are due for review within the coming window (90 days unless configured), ' +
      'reporting each with the others due in the same window, so the whole list can be planned at once. A date the agreement\'s own expiry or ' +
      'review rule already warns about (within its `warn_within_days`, 60 days unless configured) is listed with the others but not reported again in its file.',
    rationale:
      'An information governance team holds dozens of agreements, each with its own review and end date. Reviews take weeks: every party\'s Caldicott Guardian and DPO ' +
      'must look again, and a DPIA may need updating. An agreement that lapses while data still flows leaves that sharing without agreed governance. ' +
      'Seeing everything that falls due in the next few months, together, lets the team plan the reviews rather than find them overdue.\n\n' +
      'One renewal gets one finding in its file: `agreement-expired-or-no-term` and `review-date-missing-or-overdue` warn about an expiry or review ' +
      'in the next `warn_within_days` (60 days unless configured), and this rule reports in that file only the dates beyond that, up to its own ' +
      '`window`. Turning either of those rules off (or setting its `warn_within_days` to 0) hands its dates back to this one.',
    fix:
      'Start the review or renewal now: check the sharing is still needed and limited to what is needed, agree any changes with every party, record fresh sign-off, ' +
      'and set the next review and expiry dates. Change the window with the rule\'s `window` option.',
    severity: 'info',
    severityReason: 'A reminder for planning: nothing is wrong yet.',
    area: 'across',
    importance: 480,
    tags: ['lifecycle', 'governance'],
    presets: ['strict'],
    citations: [
      { instrument: 'ICO Data Sharing Code of Practice', provision: 'Data sharing agreements', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/' },
    ],
    optionsSchema: {
      type: 'object',
      properties: {
        window: {
          type: 'string',
          pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$',
          default: 'P90D',
          description: 'How far ahead to look, as an ISO 8601 duration such as P90D or P6M.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { window: 'P90D' } as Options,
    messages: {
      expires: {
        text: 'This agreement expires on {{date}}, within the next {{window}}{{others}}. Start its renewal now, or plan for the sharing to stop.',
        request: 'Ask {{drafter}} to start renewing the agreement, which expires on {{date}}, or to plan for the sharing to stop.',
      },
      review: {
        text: 'This agreement is due for review on {{date}}, within the next {{window}}{{others}}. Start the review with every party now.',
        request: 'Ask {{drafter}} to start the review due on {{date}} with every party.',
      },
    },
    examples: { valid: [], invalid: [] },
    estateExamples: {
      valid: [
        {
          title: 'dates beyond the window',
          files: {
            'a.dsa.yaml': agreement('A-1', 'expires: 2028-01-31, review_by: 2027-06-30'),
            'b.dsa.yaml': agreement('B-1', 'expires: 2029-01-31, review_by: 2027-09-30'),
          },
        },
      ],
      invalid: [
        {
          title: 'one agreement expiring and another due for review in the next 90 days',
          files: {
            'a.dsa.yaml': agreement('A-1', 'expires: 2026-12-31, review_by: 2026-10-01'),
            'b.dsa.yaml': agreement('B-1', 'expires: 2029-01-31, review_by: 2027-01-15'),
          },
          findings: [
            { file: 'a.dsa.yaml', messageId: 'expires', range: '5:19-5:29' },
            { file: 'b.dsa.yaml', messageId: 'review', range: '5:42-5:52' },
          ],
        },
      ],
    },
  },
  check({ entries, defaultOptions, report }) {
    const due: Due[] = [];
    entries.forEach((entry, i) => {
      const { record, asOf } = entry;
      if ((record.status !== undefined && record.status !== 'active') || record.kind === 'template') return;
      const window = parseDuration((entry.options ?? defaultOptions).window) ?? parseDuration(defaultOptions.window)!;
      const until = addDuration(asOf, window);
      const within = (date: string | undefined): date is string => date !== undefined && date >= asOf && date <= until;
      // Overdue reviews and expired agreements are single-file findings already.
      if (within(record.dates.expires)) due.push({ entry: i, what: 'expires', date: record.dates.expires, at: record.expiresAt });
      if (within(record.dates.reviewBy)) due.push({ entry: i, what: 'review', date: record.dates.reviewBy, at: record.reviewByAt });
    });
    due.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.entry - b.entry));
    const listed = capped(due, MAX_RELATED_ACROSS + 1).shown;
    for (const d of due) {
      // One renewal, one finding: a date the file's own expiry or review rule already warns about is listed here for the others, not reported again.
      if (warnedInFile(entries[d.entry]!, d)) continue;
      const entry = entries[d.entry]!;
      const window = durationInWords(parseDuration((entry.options ?? defaultOptions).window) ?? parseDuration(defaultOptions.window)!);
      const others = due.length - 1;
      const nextOthers = listed.filter((o) => o !== d);
      report({
        messageId: d.what,
        data: {
          date: d.date,
          window,
          others:
            others === 0
              ? ''
              : `; ${others} other ${others === 1 ? 'date falls' : 'dates fall'} due in this run too (${joinWords(capped(nextOthers, 5).shown.map((o) => `${entries[o.entry]!.record.id} ${o.what === 'expires' ? 'expires' : 'review'} ${o.date}`))}${others > 5 ? ', and more' : ''})`,
        },
        entry: d.entry,
        at: d.at,
        related: nextOthers.map((o) => ({
          entry: o.entry,
          at: o.at,
          message: `${entries[o.entry]!.record.id} ${o.what === 'expires' ? 'expires' : 'is due for review'} on ${o.date}.`,
        })),
        key: d.what,
      });
    }
  },
});
