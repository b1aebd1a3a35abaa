import type { Agreement, RecordType, RetentionEntry } from '../src/generated/agreement.js';
import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { compareDurations, dataById, durationInWords, indexOfData, parseDuration, retentionEntryLabel, type Duration } from '../src/core/facts.js';
import { RECORD_TYPE, RECORD_TYPES } from '../src/vocabulary.js';
import { joinWords, lowerFirst } from '../src/core/words.js';

interface Options {
  readonly max_extension_years: number;
}

/** The entry's record type: its own, else the one record type all its named data items share. */
function recordTypeOf(a: Agreement, entry: RetentionEntry, i: number): { type: RecordType; at: Path } | undefined {
  if (entry.record_type !== undefined) return { type: entry.record_type, at: ['retention', i, 'record_type'] };
  const items = (entry.data ?? []).map((id) => dataById(a, id));
  const types = new Set(items.map((d) => d?.record_type));
  const only = items[0]?.record_type;
  if (types.size !== 1 || only === undefined) return undefined;
  return { type: only, at: ['data', indexOfData(a, items[0]!.id), 'record_type'] };
}

/** The oldest a children's record needs keeping from the end of care: until the 26th birthday of the youngest patient covered. */
function childrensRecordPeriod(a: Agreement, entry: RetentionEntry): Duration | undefined {
  // Counted from the date of birth, the period is an age: until the 26th birthday at most.
  const youngest = entry.starts === 'date_of_birth' ? 0 : (a.population?.age_range?.min ?? 0);
  if (youngest >= 18) return undefined;
  return { years: 26 - youngest, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
}

export default defineRule({
  id: 'retention-exceeds-code-period',
  meta: {
    title: 'Retention longer than the Records Management Code needs a reason',
    description:
      'Warns when a retention period is longer than the NHS Records Management Code period for its record type with no justification, or longer than that ' +
      'period plus the allowed extension (20 years by default) whatever the justification.',
    rationale:
      'The NHS Records Management Code of Practice sets a retention period for each kind of health and care record, such as 8 years after the end of ' +
      'treatment for an adult health record, or 10 years after death for a deceased patient\'s GP record. The Code says these periods are minimums for ' +
      'the organisation that holds the record, and that with justification a period can be extended, in most cases by up to 20 years.\n\n' +
      'A copy shared under an agreement should be kept only as long as the purpose of the sharing needs, which is rarely longer than the source ' +
      'record\'s own schedule. Keeping it longer without a reason breaches storage limitation, and keeping it far longer is hard to justify at all.\n\n' +
      'Children\'s records are kept until the patient\'s 25th birthday (26th if they were 17 when care ended), so the longest a children\'s record ' +
      'needs from the end of care is 26 years less the youngest age in the population (`population.age_range.min`, 0 when not given); counted from ' +
      'the date of birth (`starts: date_of_birth`) it is 26 years.\n\n' +
      'dsalint compares a period with the Code only for record types where it holds a period verified in the published Code. It compares none for ' +
      `${joinWords(RECORD_TYPES.filter((t) => t.codePeriodUnverified).map((t) => lowerFirst(t.label)))}: no period for them could be read in a primary ` +
      'source, so dsalint does not say what the Code sets for them. Their retention is still checked by `retention-missing-or-indefinite` (a ' +
      'finite period, no more than 100 years, with the event it runs from); a reviewer should still ask why the period chosen is needed. ' +
      'It reads the Code\'s 20 years as an extension beyond the Code period, the more lenient reading; lower `max_extension_years` for a stricter policy.',
    fix:
      'Shorten the period to what the purpose needs, or record why the longer period is needed in the entry\'s `justification`. A period more than the ' +
      'allowed extension beyond the Code\'s should be shortened.',
    severity: 'warning',
    severityReason: 'The Code periods are minimums and can be extended with justification, so a longer period is a judgement to record, not an error.',
    area: 'F',
    importance: 435,
    tags: ['retention', 'storage-limitation'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'NHS England: Records Management Code of Practice (2021, updated 2023)',
        provision: 'Appendix II, retention schedule',
        url: 'https://transform.england.nhs.uk/information-governance/guidance/records-management-code/',
      },
      {
        instrument: 'NHS England: Keeping GP records',
        url: 'https://www.england.nhs.uk/long-read/keeping-gp-records/',
      },
      { instrument: 'UK GDPR', provision: 'Art 5(1)(e) (storage limitation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
    ],
    optionsSchema: {
      type: 'object',
      properties: {
        max_extension_years: {
          type: 'integer',
          minimum: 0,
          description: 'How many years beyond the Records Management Code period a justified retention period may run.',
          default: 20,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { max_extension_years: 20 } as Options,
    messages: {
      unjustified: {
        text: [
            'Retention entry {{entry}} keeps data ({{recordType}}) for {{period}}, longer than the {{codePeriod}} the Records Management Code sets, and gives no ',
            'reason. A shared copy should be kept only as long as the purpose needs: shorten the period, or record why in `justification`.',
          ],
        request: 'Ask {{drafter}} to shorten how long the data is kept ({{period}}, retention term {{entry}}) to no more than the {{codePeriod}} the Records Management Code sets, or to say why longer is needed.',
      },
      'beyond-extension': {
        text: [
            'Retention entry {{entry}} keeps data ({{recordType}}) for {{period}}, more than {{extension}} years beyond the {{codePeriod}} the Records Management ',
            'Code sets. The Code allows a justified extension, in most cases of up to 20 years; a period this long is very hard to justify for a shared copy, so shorten it.',
          ],
        request: 'Ask {{drafter}} to shorten how long the data is kept ({{period}}, retention term {{entry}}): it is far beyond the {{codePeriod}} the Records Management Code sets.',
      },
    },
    examples: {
      valid: [
        {
          title: 'the Code period',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: trust, name: Example Hospitals NHS Trust, org_type: nhs_trust_acute }
            retention:
              - { party: trust, period: P8Y, starts: last_contact, record_type: adult_health_record }
          `,
        },
        {
          title: 'a longer period with a reason',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: trust, name: Example Hospitals NHS Trust, org_type: nhs_trust_acute }
            retention:
              - { party: trust, period: P15Y, justification: Kept with the linked child's record, starts: last_contact, record_type: adult_health_record }
          `,
        },
      ],
      invalid: [
        {
          title: 'a longer period with no reason',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: trust, name: Example Hospitals NHS Trust, org_type: nhs_trust_acute }
            retention:
              - { party: trust, period: P10Y, starts: last_contact, record_type: adult_health_record }
          `,
          findings: [{ messageId: 'unjustified', text: 'P10Y' }],
        },
        {
          title: 'far beyond the Code period',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: trust, name: Example Hospitals NHS Trust, org_type: nhs_trust_acute }
            retention:
              - { party: trust, period: P30Y, justification: Just in case, starts: last_contact, record_type: adult_health_record }
          `,
          findings: [{ messageId: 'beyond-extension', text: 'P30Y' }],
        },
      ],
    },
  },
  check({ agreement: a, options, report }) {
    (a.retention ?? []).forEach((entry, i) => {
      const period = parseDuration(entry.period);
      const recordType = recordTypeOf(a, entry, i);
      const type = recordType ? RECORD_TYPE.get(recordType.type) : undefined;
      const code = parseDuration(type?.codePeriod) ?? (type?.value === 'childrens_record' ? childrensRecordPeriod(a, entry) : undefined);
      if (!period || !recordType || !type || !code) return;
      const data = {
        entry: retentionEntryLabel(entry, i),
        recordType: type.label,
        period: durationInWords(period),
        codePeriod: durationInWords(code),
        extension: options.max_extension_years,
      };
      const related = [{ at: recordType.at, message: `The record type (${type.label}) is given here.` }];
      if (compareDurations(period, { ...code, years: code.years + options.max_extension_years }) > 0) {
        report({ messageId: 'beyond-extension', data, at: ['retention', i, 'period'], related });
      } else if (compareDurations(period, code) > 0 && entry.justification === undefined) {
        report({ messageId: 'unjustified', data, at: ['retention', i, 'period'], related });
      }
    });
  },
});
