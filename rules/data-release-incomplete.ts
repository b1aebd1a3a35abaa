import { defineRule, yaml } from '../src/core/rule.js';

export default defineRule({
  id: 'data-release-incomplete',
  meta: {
    title: 'A data release must record what was released, to whom and on what terms',
    description:
      'Reports a data release (`kind: data_release`) that does not say who receives the data, which dataset it is, how identifiable it is, whether ' +
      'the recipient may pass it on or sublicense it, or whether commercial use is allowed.',
    rationale:
      'A release of a national or local dataset to a researcher, a company or another public body is recorded, in public registers such as NHS ' +
      'England\'s data uses register, by a handful of facts: the recipient, the dataset, how identifiable the data is, the legal basis, whether the ' +
      'recipient may share it onward or sublicense it, and whether it may be used commercially. These are what the public and the National Data ' +
      'Guardian look at, and what decides whether the release was proportionate. A release record that leaves one out cannot be checked, and a ' +
      'silence on onward sharing or commercial use is read by recipients as permission.',
    fix:
      'Add the missing facts: a flow whose `to` is the recipient, a `data` item naming its `dataset` and its `identifiability`, and top-level ' +
      '`onward_sharing` (`allowed`, `sublicensing`) and `commercial_use` (`allowed`, and under what `consent` when it is).',
    severity: 'warning',
    severityReason: 'The release may be sound, but a register entry that omits these facts cannot be checked by anyone relying on it.',
    area: 'A',
    importance: 345,
    tags: ['transparency', 'accountability', 'commercial'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'NHS England: Data Uses Register', url: 'https://digital.nhs.uk/services/data-access-request-service-dars/data-uses-register' },
      { instrument: 'UK GDPR', provision: 'Art 5(1)(a) and 5(2) (transparency, accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
    ],
    defaultOptions: {},
    messages: {
      'no-recipient': {
        text: 'This data release does not say who receives the data: add a flow whose `to` is the recipient.',
        request: 'Ask {{drafter}} to say who receives the data released.',
      },
      'no-dataset': {
        text: 'Data item "{{item}}" does not say which dataset was released. Add `dataset` (such as Hospital Episode Statistics Admitted Patient Care) or a `description`.',
        request: 'Ask {{drafter}} to say which dataset "{{item}}" is.',
      },
      'no-identifiability': {
        text: 'Data item "{{item}}" does not say how identifiable the released data is. Add `identifiability`: identifiable, pseudonymised, anonymised or aggregate.',
        request: 'Ask {{drafter}} to say how identifiable the data in "{{item}}" is: identifiable, pseudonymised, anonymised or only counts.',
      },
      'no-onward-sharing': {
        text: 'This data release does not say whether the recipient may pass the data on or sublicense it. Add `onward_sharing` with `allowed` and `sublicensing`.',
        request: 'Ask {{drafter}} to say whether the recipient may pass the data on or license it to others.',
      },
      'no-commercial-use': {
        text: 'This data release does not say whether the data may be used commercially. Add `commercial_use` with `allowed` (and the `consent` relied on when it is).',
        request: 'Ask {{drafter}} to say whether the data may be used commercially.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a pseudonymised extract to a university, no onward sharing, no commercial use',
          agreement: yaml`
            dsalint: 1
            id: DARS-NIC-123456
            title: Hospital data for a diabetes outcomes study
            kind: data_release
            parties:
              - { id: nhse, name: NHS England, org_type: nhs_england }
              - { id: uni, name: Example University, org_type: university_or_researcher }
            data:
              - { id: hes, dataset: Hospital Episode Statistics Admitted Patient Care, categories: [diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: release, from: nhse, to: uni, data: [hes], access: { mode: secure_data_environment } }
            onward_sharing: { allowed: false, sublicensing: false }
            commercial_use: { allowed: false }
          `,
        },
      ],
      invalid: [
        {
          title: 'a release that says nothing about onward sharing or commercial use',
          agreement: yaml`
            dsalint: 1
            id: DARS-NIC-123456
            title: Hospital data for a diabetes outcomes study
            kind: data_release
            parties:
              - { id: nhse, name: NHS England, org_type: nhs_england }
              - { id: uni, name: Example University, org_type: university_or_researcher }
            data:
              - { id: hes, dataset: Hospital Episode Statistics Admitted Patient Care, categories: [diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: release, from: nhse, to: uni, data: [hes] }
          `,
          findings: [
            { messageId: 'no-commercial-use', at: 'kind' },
            { messageId: 'no-onward-sharing', at: 'kind' },
          ],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if (a.kind !== 'data_release') return;
    if (!(a.flows ?? []).some((f) => f.to !== undefined)) report({ messageId: 'no-recipient', at: ['kind'] });
    (a.data ?? []).forEach((item, i) => {
      if (item.dataset === undefined && item.description === undefined) report({ messageId: 'no-dataset', data: { item: item.id }, at: ['data', i, 'id'] });
      if (item.identifiability === undefined) report({ messageId: 'no-identifiability', data: { item: item.id }, at: ['data', i, 'id'] });
    });
    const onward = a.onward_sharing;
    if (onward?.allowed === undefined && onward?.sublicensing === undefined) report({ messageId: 'no-onward-sharing', at: ['kind'] });
    if (a.commercial_use?.allowed === undefined) report({ messageId: 'no-commercial-use', at: ['kind'] });
  },
});
