import { defineRule, yaml } from '../src/core/rule.js';
import { retentionEntryLabel, sharesPersonalData } from '../src/core/facts.js';
export default defineRule({
  id: 'disposal-method-missing',
  meta: {
    title: 'Say what happens to shared data at the end of its retention period',
    description:
      'Warns about a retention entry that does not say how the data is disposed of, and notes when the agreement does not say what happens to shared data when ' +
      'it ends and nothing else does.',
    rationale:
      'At the end of a retention period the data must be securely destroyed, returned, anonymised or transferred to an archive (a place of deposit); the ' +
      'ICO says to erase or anonymise personal data when you no longer need it, and the NHS Records Management Code expects destruction to be secure and ' +
      'recorded. A retention period with no disposal method leaves the end of the data\'s life to chance.\n\n' +
      'An agreement should also say what happens to data already shared if the agreement itself ends early (`termination.data_on_termination`). When ' +
      'the agreement has retention entries, they say what happens to the data (and an entry without a disposal method is reported on its own), so ' +
      'dsalint only notes the gap when the agreement has termination terms that leave it out, or has no retention entries at all. An agreement with ' +
      'neither an end date nor termination terms is ' +
      'reported by `agreement-expired-or-no-term`, and processors\' delete-or-return contract terms by the processor rules.',
    fix:
      'Add `disposal` to each retention entry (`secure_destruction`, `return_to_controller`, `anonymise` or `transfer_to_place_of_deposit`), and ' +
      '`termination.data_on_termination` saying what happens to shared data if the agreement ends.',
    severity: 'warning',
    severityReason: 'Secure disposal is expected practice, but its absence is a gap in the agreement rather than proof of a breach.',
    area: 'F',
    importance: 515,
    tags: ['retention', 'storage-limitation', 'security'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(e) (storage limitation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      {
        instrument: 'NHS Records Management Code of Practice',
        provision: 'destruction of records',
        url: 'https://transform.england.nhs.uk/information-governance/guidance/records-management-code/records-management-code-of-practice',
      },
      { instrument: 'ICO Data Sharing Code of Practice', url: 'https://ico.org.uk/for-organisations/data-sharing-a-code-of-practice/navigating-the-data-sharing-code/' },
    ],
    defaultOptions: {},
    messages: {
      'no-disposal': {
        text: 'Retention entry {{entry}} does not say what happens to the data at the end of the period. Add `disposal`, such as secure_destruction or return_to_controller.',
        request: 'Ask {{drafter}} what happens to the data at the end of the retention period (retention term {{entry}}): securely destroyed, or returned.',
      },
      'no-termination-disposal': {
        text: [
          'The agreement does not say what happens to data already shared if the agreement ends{{reason}}. Add `termination.data_on_termination`, such as ',
          'secure_destruction or return_to_controller.',
        ],
        severity: 'info',
        request: 'Ask {{drafter}} what happens to data already shared if the agreement ends: securely destroyed, or returned.',
      },
    },
    examples: {
      valid: [
        {
          title: 'every entry says how data is disposed of',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01, expires: 2027-03-31 }
            retention:
              - { party: meo, period: P10Y, starts: case_closed, disposal: secure_destruction }
          `,
        },
      ],
      invalid: [
        {
          title: 'a retention entry with no disposal method',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01, expires: 2027-03-31 }
            retention:
              - { party: meo, period: P10Y, starts: case_closed }
          `,
          findings: [{ messageId: 'no-disposal', at: 'retention[0].disposal' }],
        },
        {
          title: 'termination terms that say nothing about the data',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01, expires: 2027-03-31 }
            termination: { notice_period: P3M }
            retention:
              - { party: meo, period: P10Y, starts: case_closed, disposal: secure_destruction }
          `,
          findings: [{ messageId: 'no-termination-disposal', at: 'termination.data_on_termination' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const retention = a.retention ?? [];
    retention.forEach((entry, i) => {
      if (entry.disposal === undefined) {
        report({ messageId: 'no-disposal', data: { entry: retentionEntryLabel(entry, i) }, at: ['retention', i, 'disposal'] });
      }
    });
    const termination = a.termination;
    if (termination?.data_on_termination !== undefined || !sharesPersonalData(a)) return;
    // No end date and no termination terms at all: agreement-expired-or-no-term reports that.
    if (a.dates?.expires === undefined && termination?.notice_period === undefined) return;
    if (termination === undefined && retention.length > 0) return;
    report({
      messageId: 'no-termination-disposal',
      data: { reason: termination !== undefined ? ' (the termination terms leave it out)' : ', and there are no retention entries' },
      at: ['termination', 'data_on_termination'],
    });
  },
});
