import { defineAcrossRule } from '../src/core/rule.js';
import type { Spot } from '../src/across/record.js';
import { Organisations, agreementLabel, capped, flowCategories, inForce } from '../src/across/estate.js';
import { MAX_RELATED_ACROSS } from '../src/across/stage.js';
import { accessScopeWords, isWholeSystem, type AccessBreadth } from '../src/core/facts.js';
import { joinWords, lowerFirst } from '../src/core/words.js';
import { accessModeLabel, categoryLabel } from '../src/across/words.js';

const PARTIES = 'parties:\n  - { id: gp, name: Riverside Medical Practice, ods_code: Y01234 }\n  - { id: team, name: Riverside ICB Safeguarding Team, ods_code: QXX }\n';
const PURPOSE = 'purposes:\n  - { id: sg, category: safeguarding }\n';
const agreement = (id: string, population: string, data: string, access: string): string =>
  `dsalint: 1\nid: ${id}\ntitle: Safeguarding\n${PARTIES}${PURPOSE}population: { scope: ${population} }\ndata:\n  - { id: d, categories: [${data}] }\n` +
  `flows:\n  - { id: f, from: gp, to: team, data: [d], purposes: [sg], access: { ${access} } }\n`;

/** What one agreement gives one recipient. */
interface Grant extends AccessBreadth {
  readonly entry: number;
  readonly categories: ReadonlySet<string>;
  readonly modes: ReadonlySet<string>;
  readonly allRegistered: boolean;
  readonly at: Spot;
}

export default defineAcrossRule({
  id: 'recipient-access-aggregates',
  meta: {
    title: 'Access that adds up across agreements',
    description:
      'Across the agreements in force, reports a recipient whose access under all of them together amounts to whole-system access (the whole record, every patient, ' +
      'standing live access: any two) when no single agreement does; and, for review, a recipient that receives more under several agreements together than under any one.',
    rationale:
      'The access the ICO advised against is often built up one agreement at a time: a safeguarding team holds per-case access to the whole record under one agreement, ' +
      'standing access to the clinical system under a second, and a bulk extract about every patient under a third. Each looks limited; together the team can see ' +
      'the whole record of any patient at any time. Data minimisation (UK GDPR Art 5(1)(c)) and Caldicott Principles 3 and 4 apply to what the recipient can reach, ' +
      'whatever the number of agreements it is spread across.',
    fix:
      'Look at the recipient\'s agreements together. Remove the standing or bulk access it does not need for each purpose, narrow the data each agreement gives to what ' +
      'that purpose needs, or bring the sharing under one agreement whose DPIA considers the whole.',
    severity: 'error',
    severityReason: 'Whole-system access is what the ICO advised breaches data minimisation; the wider "adds up" pattern is a judgement for the Caldicott Guardian.',
    area: 'across',
    importance: 205,
    tags: ['minimisation', 'access-scope', 'caldicott-3', 'caldicott-4'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(c) (data minimisation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      { instrument: 'UK GDPR', provision: 'Art 5(1)(c) (data minimisation)', url: 'https://ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-protection-regulation-gdpr/principles/data-minimisation/' },
      { instrument: 'Caldicott Principles', provision: '3 and 4 (minimum necessary; strict need-to-know)', url: 'https://www.gov.uk/government/publications/the-caldicott-principles' },
    ],
    defaultOptions: {},
    messages: {
      'whole-system': {
        text: ['Across {{count}} agreements in force, {{recipient}} gets {{scope}}: {{parts}}. No one agreement allows this, but together they amount to the whole-system access ', 'the ICO advised breaches data minimisation. Review the agreements together and remove the standing or bulk access that is not needed for each case.'],
        request: 'Ask {{drafter}} to review the {{count}} agreements with {{recipient}} together: between them they give {{recipient}} {{scope}}, the whole-system access the ICO advised breaches data minimisation. Standing or bulk access not needed for each case should be removed.',
      },
      'adds-up': {
        text:
          ['Across {{count}} agreements in force, {{recipient}} receives more than this agreement allows on its own: {{extra}}. ', 'Check with the Caldicott Guardian that the combination is needed, and that the DPIAs consider it.'],
        severity: 'warning',
        kind: 'review',
        request: 'Ask {{drafter}} to confirm with the Caldicott Guardian that {{recipient}} needs what the {{count}} agreements in force give it together ({{extra}}), and that the impact assessments consider the combination.',
      },
    },
    examples: { valid: [], invalid: [] },
    estateExamples: {
      valid: [
        {
          title: 'per-case requests under two agreements, for the same data',
          files: {
            'a.dsa.yaml': agreement('SG-1', 'per_case', 'safeguarding', 'mode: per_request'),
            'b.dsa.yaml': agreement('SG-2', 'per_case', 'safeguarding', 'mode: per_request'),
          },
        },
      ],
      invalid: [
        {
          title: 'the whole record per case, plus a bulk extract about every patient',
          files: {
            'per-case.dsa.yaml': agreement('SG-1', 'per_case', 'full_record', 'mode: per_request'),
            'extract.dsa.yaml': agreement('SG-2', 'all_registered', 'safeguarding', 'mode: extract'),
          },
          findings: [
            { file: 'per-case.dsa.yaml', messageId: 'whole-system', range: '13:77-13:88' },
            { file: 'extract.dsa.yaml', messageId: 'whole-system', range: '13:77-13:84' },
          ],
        },
        {
          title: 'more data under two agreements than under either',
          files: {
            'a.dsa.yaml': agreement('SG-1', 'per_case', 'safeguarding', 'mode: per_request'),
            'b.dsa.yaml': agreement('SG-2', 'per_case', 'medications', 'mode: per_request'),
          },
          findings: [
            { file: 'a.dsa.yaml', messageId: 'adds-up', range: '13:77-13:88' },
            { file: 'b.dsa.yaml', messageId: 'adds-up', range: '13:77-13:88' },
          ],
        },
      ],
    },
  },
  check({ entries, report }) {
    const orgs = new Organisations(entries.map((e) => e.record));
    const grants = new Map<string, Grant[]>();
    const seenIds = new Map<string, Set<string>>();
    entries.forEach((entry, i) => {
      const { record } = entry;
      if (!inForce(record, entry.asOf)) return;
      const byRecipient = new Map<string, { categories: Set<string>; modes: Set<string>; allFields: boolean; standing: boolean; at: Spot }>();
      for (const flow of record.flows) {
        const to = orgs.of(record, flow.to);
        if (to === undefined) continue;
        let g = byRecipient.get(to);
        if (!g) byRecipient.set(to, (g = { categories: new Set(), modes: new Set(), allFields: false, standing: false, at: flow.accessAt }));
        for (const c of flowCategories(record, flow)) g.categories.add(c);
        if (flow.mode) g.modes.add(flow.mode);
        g.allFields ||= flow.allFields;
        g.standing ||= flow.standing;
      }
      for (const [to, g] of byRecipient) {
        // Copies of one agreement count once (agreement-id-conflict reports them).
        let ids = seenIds.get(to);
        if (!ids) seenIds.set(to, (ids = new Set()));
        if (ids.has(record.id)) continue;
        ids.add(record.id);
        const grant: Grant = { entry: i, ...g, allPatients: record.population?.allPatients ?? false, allRegistered: record.population?.scope === 'all_registered' };
        const list = grants.get(to);
        if (list) list.push(grant);
        else grants.set(to, [grant]);
      }
    });

    for (const [to, list] of grants) {
      if (list.length < 2) continue;
      const recipient = orgs.nameOf(to);
      const union = {
        allFields: list.some((g) => g.allFields),
        allPatients: list.some((g) => g.allPatients),
        standing: list.some((g) => g.standing),
        categories: new Set(list.flatMap((g) => [...g.categories])),
        modes: new Set(list.flatMap((g) => [...g.modes])),
      };
      const label = (g: Grant): string => agreementLabel(entries[g.entry]!.record, entries[g.entry]!.file);
      const contribution = (g: Grant): string => accessScopeWords(g, g.allRegistered);
      const nearby = capped(list, MAX_RELATED_ACROSS + 1).shown;
      const relatedTo = (self: Grant) =>
        nearby.filter((g) => g !== self).map((g) => ({ entry: g.entry, at: g.at, message: `Under ${entries[g.entry]!.record.id}, ${recipient} gets ${contribution(g)}.` }));

      if (isWholeSystem(union) && !list.some((g) => isWholeSystem(g))) {
        const parts = list.filter((g) => g.allFields || g.allPatients || g.standing);
        for (const g of list) {
          report({
            messageId: 'whole-system',
            data: {
              count: list.length,
              recipient,
              scope: accessScopeWords(union, list.some((x) => x.allPatients && x.allRegistered)),
              parts: joinWords(capped(parts, 5).shown.map((p) => `${contribution(p)} under ${label(p)}`)),
            },
            entry: g.entry,
            at: g.at,
            related: relatedTo(g),
            key: `${to}|whole-system`,
          });
        }
        continue;
      }
      for (const g of list) {
        const extra: string[] = [];
        const categories = [...union.categories].filter((c) => !g.categories.has(c));
        if (categories.length) extra.push(`the data ${joinWords(capped(categories, 6).shown.map((c) => lowerFirst(categoryLabel(c))))}${categories.length > 6 ? ` and ${categories.length - 6} more` : ''}`);
        const modes = [...union.modes].filter((m) => !g.modes.has(m));
        if (modes.length) extra.push(`also ${joinWords(modes.map((m) => lowerFirst(accessModeLabel(m)!)), 'and')}`);
        if (union.allPatients && !g.allPatients) extra.push('records of every patient, not only those this agreement covers');
        if (union.allFields && !g.allFields) extra.push('the whole record');
        if (union.standing && !g.standing) extra.push('standing live access');
        if (extra.length === 0) continue;
        report({
          messageId: 'adds-up',
          data: { count: list.length, recipient, extra: joinWords(extra) },
          entry: g.entry,
          at: g.at,
          related: relatedTo(g),
          key: `${to}|adds-up`,
        });
      }
    }
  },
});
