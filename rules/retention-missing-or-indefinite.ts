import type { Agreement, Party, RetentionEntry } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { appliesToParty, carriesPatientData, compareDurations, durationInWords, flowData, isIdentifying, parseDuration, partyById, retentionEntryLabel } from '../src/core/facts.js';

const INDEFINITE = 'indefinite';

/** Longer than any person lives: a period this long is indefinite in all but name. */
const ABSURD_YEARS = 100;

function isAbsurd(period: string): boolean {
  const d = parseDuration(period);
  return d !== undefined && compareDurations(d, { years: ABSURD_YEARS, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 }) > 0;
}

/** The entry is the party's, and covers the data item (an entry naming no data covers all the party holds). */
function covers(a: Agreement, entry: RetentionEntry, party: Party, dataId: string | undefined): boolean {
  if (!appliesToParty(a, entry.party, party)) return false;
  return dataId === undefined || (entry.data ?? []).length === 0 || (entry.data ?? []).includes(dataId);
}

export default defineRule({
  id: 'retention-missing-or-indefinite',
  meta: {
    title: 'Every recipient of personal data needs a finite retention period with a start',
    description:
      'Reports a party that receives identifiable or pseudonymised data with no retention entry covering it, a retention period of "indefinite", ' +
      'of more than 100 years, or none at all, and a period with no event it runs from.',
    rationale:
      'Personal data must not be kept for longer than the purpose needs (UK GDPR Art 5(1)(e), storage limitation), and the ICO data sharing code asks ' +
      'the parties to agree retention periods and arrangements for secure deletion. When a recipient\'s copy has no agreed period, nothing in the ' +
      'agreement stops patient records from being kept for ever after the purpose is served. A period of more than 100 years (P999Y, say) is ' +
      'the same as "indefinite" in all but name.\n\n' +
      'A period is only meaningful with the event it runs from: in the NHS Records Management Code, retention usually starts when the record stops ' +
      'being used (discharge, the end of support, death or the closing of a case), not when it was created. "Eight years" with no start cannot be ' +
      'worked out.\n\n' +
      'A recipient counts when a flow sends it identifiable or pseudonymised data, or gives it live access to a system. A retention entry that names no ' +
      '`data` covers everything that party holds under the agreement.',
    fix:
      'Add a `retention` entry for each recipient with the data it covers, a `period` (an ISO 8601 duration such as P8Y) and `starts` (the event it runs ' +
      'from, such as case_closed). Replace "indefinite" with the period the purpose actually needs, using the Records Management Code as a guide.',
    severity: 'error',
    severityReason: 'Without a finite period that can be worked out, the agreement cannot meet the storage limitation principle.',
    area: 'F',
    importance: 370,
    tags: ['retention', 'storage-limitation'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(e) (storage limitation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      {
        instrument: 'ICO: storage limitation',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation',
      },
      {
        instrument: 'NHS England: Records Management Code of Practice (2021, updated 2023)',
        provision: 'Appendix II (retention schedule)',
        url: 'https://transform.england.nhs.uk/information-governance/guidance/records-management-code/',
      },
      { instrument: 'ICO Data Sharing Code of Practice', url: 'https://ico.org.uk/for-organisations/data-sharing-a-code-of-practice/navigating-the-data-sharing-code/' },
    ],
    defaultOptions: {},
    messages: {
      'no-retention': {
        text: [
            '{{recipient}} receives {{data}} in flow "{{flow}}", but no `retention` entry says how long {{recipient}} keeps it. Add one with party: {{party}}, ',
            'the data, a `period` and the event it `starts` from.',
          ],
        request: 'Ask {{drafter}} to say how long {{recipient}} keeps {{data}}, and from when.',
      },
      indefinite: {
        text: 'Retention entry {{entry}} keeps data "indefinitely". Personal data may be kept only as long as the purpose needs: give a finite `period`, such as P8Y.',
        request: 'Ask {{drafter}} for a fixed retention period instead of "indefinitely" (retention term {{entry}}).',
      },
      'no-period': {
        text: 'Retention entry {{entry}} gives no `period`. Say how long the data is kept, as an ISO 8601 duration such as P8Y, and the event it `starts` from.',
        request: 'Ask {{drafter}} to say how long the data is kept (retention term {{entry}}), and from when.',
      },
      'absurd-period': {
        text: [
            'Retention entry {{entry}} keeps data for {{period}}, longer than anyone lives: in effect for ever. Ask how long the purpose really needs the ',
            'data (the Records Management Code sets most health and care records at 8 to 25 years), and give that `period`.',
          ],
        request: 'Ask {{drafter}} how long the purpose really needs the data (retention term {{entry}} is longer than a lifetime; the Records Management Code sets most health and care records at 8 to 25 years).',
      },
      'no-start': {
        text: 'Retention entry {{entry}} keeps data for {{period}} but does not say from when. Add `starts` (such as receipt, case_closed or death) so the end date can be worked out.',
        request: 'Ask {{drafter}} to say from when the retention period is counted (retention term {{entry}}), such as receipt or the close of the case.',
      },
    },
    examples: {
      valid: [
        {
          title: 'the recipient keeps the summary for ten years from closing the case',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
            retention:
              - { party: meo, data: [summary], period: P10Y, starts: case_closed }
          `,
        },
      ],
      invalid: [
        {
          title: 'no retention for the recipient',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
          `,
          findings: [{ messageId: 'no-retention', text: 'meo', occurrence: 2 }],
        },
        {
          title: 'kept indefinitely',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
            retention:
              - { party: meo, data: [summary], period: indefinite }
          `,
          findings: [{ messageId: 'indefinite', text: 'indefinite' }],
        },
        {
          title: 'a period with no start',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
            retention:
              - { party: meo, data: [summary], period: P10Y }
          `,
          findings: [{ messageId: 'no-start', text: '{ party: meo, data: [summary], period: P10Y }' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const retention = a.retention ?? [];
    const reported = new Set<string>();
    (a.flows ?? []).forEach((flow, f) => {
      const recipient = partyById(a, flow.to);
      if (!recipient || !carriesPatientData(a, flow)) return;
      const items = flowData(a, flow).filter(isIdentifying).map((d) => d.id);
      const needed: (string | undefined)[] = items.length > 0 ? items : [undefined];
      const missing = needed.filter((id) => !retention.some((e) => covers(a, e, recipient, id)) && !reported.has(`${recipient.id}\u0000${id ?? ''}`));
      if (missing.length === 0) return;
      for (const id of missing) reported.add(`${recipient.id}\u0000${id ?? ''}`);
      const named = missing.filter((id): id is string => id !== undefined);
      report({
        messageId: 'no-retention',
        data: {
          recipient: recipient.name,
          party: recipient.id,
          flow: flow.id,
          data: named.length > 0 ? named.map((id) => `"${id}"`).join(', ') : 'access to patient records',
        },
        at: ['flows', f, 'to'],
      });
    });
    retention.forEach((entry, i) => {
      const data = { entry: retentionEntryLabel(entry, i), period: entry.period ?? '' };
      if (entry.period === undefined) report({ messageId: 'no-period', data, at: ['retention', i, 'period'] });
      else if (entry.period === INDEFINITE) report({ messageId: 'indefinite', data, at: ['retention', i, 'period'] });
      else if (isAbsurd(entry.period)) report({ messageId: 'absurd-period', data: { ...data, period: durationInWords(parseDuration(entry.period)!) }, at: ['retention', i, 'period'] });
      else if (entry.starts === undefined) report({ messageId: 'no-start', data, at: ['retention', i, 'starts'] });
    });
  },
});
