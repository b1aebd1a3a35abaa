import { defineAcrossRule } from '../src/core/rule.js';
import { Organisations, agreementLabel, agreementsInWords, groupBy, inForce } from '../src/across/estate.js';
import { MAX_RELATED_ACROSS } from '../src/across/stage.js';
import type { AgreementRecord, FlowRecord, PurposeRecord, Spot } from '../src/across/record.js';
import { joinWords, lowerFirst } from '../src/core/words.js';
import { accessModeLabel, basisWords, optOutLabel, periodWords, purposeCategoryLabel } from '../src/across/words.js';

const agreement = (id: string, o: { article6?: string; mode?: string; period?: string; optOut?: string } = {}): string =>
  `dsalint: 1
id: ${id}
title: Safeguarding enquiries
parties:
  - { id: gp, name: Riverside Medical Practice, ods_code: Y01234 }
  - { id: team, name: Riverside ICB Safeguarding Team }
purposes:
  - id: enquiry
    category: safeguarding
    lawful_basis: { article_6: ${o.article6 ?? 'e_public_task'}, article_9: g_substantial_public_interest, common_law: overriding_public_interest }
population: { scope: per_case, national_data_opt_out: ${o.optOut ?? 'not_applicable'} }
data:
  - { id: report, categories: [safeguarding] }
flows:
  - { id: to-team, from: gp, to: team, data: [report], purposes: [enquiry], access: { mode: ${o.mode ?? 'per_request'} } }
retention:
  - { party: team, data: [report], period: ${o.period ?? 'P8Y'} }
`;

type Term = 'basis' | 'retention' | 'access' | 'opt-out';

interface Member {
  readonly entry: number;
  readonly flow: FlowRecord;
  readonly purpose: PurposeRecord;
}

/** Each term: its value in one agreement (undefined when not stated) and where that is written. */
const TERMS: Record<Term, (record: AgreementRecord, m: Member) => { value: string; at: Spot } | undefined> = {
  basis: (_r, { purpose }) => {
    const b = purpose.basis;
    if (b.article6 === undefined && b.article9 === undefined && b.commonLaw === undefined) return undefined;
    return { value: basisWords(b), at: purpose.basisAt };
  },
  retention: (record, { flow }) => {
    const entries = record.retention.filter((r) => r.party === flow.to && r.period !== undefined && (r.data.length === 0 || r.data.some((d) => flow.data.includes(d))));
    if (entries.length === 0) return undefined;
    return { value: joinWords([...new Set(entries.map((r) => periodWords(r.period!)))].sort()), at: entries[0]!.at };
  },
  access: (_r, { flow }) => (flow.mode === undefined ? undefined : { value: lowerFirst(accessModeLabel(flow.mode)!), at: flow.accessAt }),
  'opt-out': (record) => {
    const p = record.population;
    if (!p || (p.nationalDataOptOut === undefined && p.type1Objections === undefined)) return undefined;
    const words = [
      p.nationalDataOptOut && `national data opt-out: ${lowerFirst(optOutLabel(p.nationalDataOptOut)!)}`,
      p.type1Objections && `type 1 objections: ${lowerFirst(optOutLabel(p.type1Objections)!)}`,
    ].filter(Boolean);
    return { value: words.join('; '), at: p.nationalDataOptOut !== undefined ? p.nationalDataOptOutAt : p.type1ObjectionsAt };
  },
};

const TERM_WORDS: Record<Term, string> = {
  basis: 'lawful basis',
  retention: 'how long the recipient keeps the data',
  access: 'how the recipient gets the data',
  'opt-out': 'how opt-outs are handled',
};

export default defineAcrossRule({
  id: 'overlapping-flow-terms',
  meta: {
    title: 'Agreements for the same flow must not conflict',
    description:
      'Across the agreements in force, reports two or more that cover the same flow (the same sender, recipient and kind of purpose) but set different terms: ' +
      'lawful basis, retention, access or opt-out handling.',
    rationale:
      'When two agreements in force both cover a practice sending safeguarding information to the same team, each disclosure can be made under either. ' +
      'If one keeps the data for 8 years and the other for 2, or one relies on public task and the other on legitimate interests, the parties cannot say ' +
      'which terms applied to any piece of data, patients cannot be told, and the stricter agreement is undone by the looser one. ' +
      'The ICO expects one clear, documented basis and retention period for each sharing.',
    fix:
      'Decide which agreement governs this flow. Bring the other into line (the same basis, retention, access and opt-out handling), ' +
      'or end it for this flow (remove the flow, or set `status: expired` if it has no other use).',
    severity: 'error',
    severityReason: 'The terms a disclosure was made under cannot be known, which undermines accountability and transparency.',
    area: 'across',
    importance: 310,
    tags: ['accountability', 'lawful-basis', 'retention'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(a), 5(1)(e) and 5(2)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      { instrument: 'ICO Data Sharing Code of Practice', provision: 'Data sharing agreements', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/' },
    ],
    defaultOptions: {},
    messages: {
      basis: {
        text: ['This agreement and {{others}} are in force for the same flow ({{flow}}) but rely on different lawful bases: here {{here}}; there {{there}}. ', 'Agree one basis for this flow and make the agreements say the same, or end one of them for this flow.'],
        request: 'Ask {{drafter}} which lawful basis applies to the sharing from {{flow}}: this agreement and {{others}} give different ones ({{here}}; {{there}}).',
      },
      retention: {
        text: ['This agreement and {{others}} are in force for the same flow ({{flow}}) but let the recipient keep the data for different periods: here {{here}}; there {{there}}. ', 'Agree one retention period for this flow and make the agreements say the same, or end one of them for this flow.'],
        request: 'Ask {{drafter}} how long the recipient keeps the data in the sharing from {{flow}}: this agreement and {{others}} give different periods ({{here}}; {{there}}).',
      },
      access: {
        text: ['This agreement and {{others}} are in force for the same flow ({{flow}}) but give the recipient the data in different ways: here {{here}}; there {{there}}. ', 'Agree how the recipient gets the data and make the agreements say the same, or end one of them for this flow.'],
        request: 'Ask {{drafter}} how the recipient gets the data in the sharing from {{flow}}: this agreement and {{others}} say different things ({{here}}; {{there}}).',
      },
      'opt-out': {
        text: ['This agreement and {{others}} are in force for the same flow ({{flow}}) but handle opt-outs differently: here {{here}}; there {{there}}. ', 'Agree how opt-outs apply to this flow and make the agreements say the same, or end one of them for this flow.'],
        request: 'Ask {{drafter}} how patients\' opt-outs apply to the sharing from {{flow}}: this agreement and {{others}} say different things ({{here}}; {{there}}).',
      },
    },
    examples: { valid: [], invalid: [] },
    estateExamples: {
      valid: [
        {
          title: 'two agreements for the same flow with the same terms',
          files: { 'a.dsa.yaml': agreement('SG-1'), 'b.dsa.yaml': agreement('SG-2') },
        },
        {
          title: 'different terms, but the older agreement has expired',
          files: { 'a.dsa.yaml': agreement('SG-1', { period: 'P2Y' }).replace('title:', 'status: expired\ntitle:'), 'b.dsa.yaml': agreement('SG-2') },
        },
      ],
      invalid: [
        {
          title: 'the same flow kept for 8 years under one agreement and 2 under another',
          files: { 'a.dsa.yaml': agreement('SG-1'), 'b.dsa.yaml': agreement('SG-2', { period: 'P2Y' }) },
          findings: [
            { file: 'a.dsa.yaml', messageId: 'retention', range: '17:44-17:47' },
            { file: 'b.dsa.yaml', messageId: 'retention', range: '17:44-17:47' },
          ],
        },
        {
          title: 'different basis, access and opt-out handling',
          files: {
            'a.dsa.yaml': agreement('SG-1'),
            'b.dsa.yaml': agreement('SG-2', { article6: 'f_legitimate_interests', mode: 'live_system_access', optOut: 'applied' }),
          },
          findings: [
            { file: 'a.dsa.yaml', messageId: 'basis', range: '10:5-10:17' },
            { file: 'a.dsa.yaml', messageId: 'opt-out', range: '11:55-11:69' },
            { file: 'a.dsa.yaml', messageId: 'access', range: '15:93-15:104' },
            { file: 'b.dsa.yaml', messageId: 'basis', range: '10:5-10:17' },
            { file: 'b.dsa.yaml', messageId: 'opt-out', range: '11:55-11:62' },
            { file: 'b.dsa.yaml', messageId: 'access', range: '15:93-15:111' },
          ],
        },
      ],
    },
  },
  check({ entries, report }) {
    const orgs = new Organisations(entries.map((e) => e.record));
    // Group by flow: sending organisation, receiving organisation, kind of purpose.
    const groups = new Map<string, Member[]>();
    entries.forEach((entry, i) => {
      const { record } = entry;
      if (!inForce(record, entry.asOf)) return;
      for (const flow of record.flows) {
        const from = orgs.of(record, flow.from);
        const to = orgs.of(record, flow.to);
        if (from === undefined || to === undefined) continue;
        for (const purposeId of flow.purposes) {
          const purpose = record.purposes.find((p) => p.id === purposeId);
          if (purpose?.category === undefined) continue;
          const key = `${from}|${to}|${purpose.category}`;
          const group = groups.get(key);
          const member = { entry: i, flow, purpose };
          if (!group) groups.set(key, [member]);
          // One member per agreement; copies of one agreement are agreement-id-conflict's to report.
          else if (!group.some((m) => m.entry === i || entries[m.entry]!.record.id === record.id)) group.push(member);
        }
      }
    });

    for (const [key, members] of groups) {
      if (members.length < 2) continue;
      const [from, to, category] = key.split('|') as [string, string, string];
      const flowWords = `${orgs.nameOf(from)} to ${orgs.nameOf(to)} for ${lowerFirst(purposeCategoryLabel(category)!)}`;
      for (const term of Object.keys(TERMS) as Term[]) {
        const values = members.map((m) => TERMS[term](entries[m.entry]!.record, m));
        // Members by value, so each member's rivals are found without comparing every pair.
        const byValue = groupBy(
          values.flatMap((v, i) => (v ? [i] : [])),
          (i) => values[i]!.value,
        );
        if (byValue.size < 2) continue;
        // The first few members of each value: enough to name and relate, however large the group.
        const sample = new Map([...byValue].map(([value, list]) => [value, list.slice(0, MAX_RELATED_ACROSS)]));
        const counts = new Map([...byValue].map(([value, list]) => [value, list.length]));
        members.forEach((m, i) => {
          const here = values[i];
          if (!here) return;
          const rivals = [...sample].filter(([value]) => value !== here.value).flatMap(([, list]) => list).slice(0, MAX_RELATED_ACROSS);
          const rivalCount = [...counts].reduce((sum, [value, n]) => (value === here.value ? sum : sum + n), 0);
          const otherValues = [...byValue.keys()].filter((v) => v !== here.value);
          const labels = rivals.map((j) => agreementLabel(entries[members[j]!.entry]!.record, entries[members[j]!.entry]!.file));
          report({
            messageId: term,
            data: {
              others: rivalCount > labels.length ? `${labels.slice(0, 3).join(', ')} and ${rivalCount - 3} more` : agreementsInWords(labels),
              flow: flowWords,
              here: here.value,
              there: otherValues.length > 5 ? `${otherValues.slice(0, 5).join('; ')} and ${otherValues.length - 5} more` : joinWords(otherValues, 'or'),
            },
            entry: m.entry,
            at: here.at,
            related: rivals.map((j) => {
              const other = members[j]!;
              return { entry: other.entry, at: values[j]!.at, message: `In ${entries[other.entry]!.record.id}, ${TERM_WORDS[term]}: ${values[j]!.value}.` };
            }),
            key: `${key}|${term}`,
          });
        });
      }
    }
  },
});
