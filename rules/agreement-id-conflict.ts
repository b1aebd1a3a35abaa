import { defineAcrossRule } from '../src/core/rule.js';
import { agreementLabel, agreementsInWords, groupBy } from '../src/across/estate.js';
import { MAX_RELATED_ACROSS } from '../src/across/stage.js';
import { joinWords } from '../src/core/words.js';

const agreement = (id: string, rest = ''): string => `dsalint: 1\nid: ${id}\ntitle: Example\n${rest}`;

export default defineAcrossRule({
  id: 'agreement-id-conflict',
  meta: {
    title: 'One agreement id, one agreement',
    description:
      'Across the agreements checked together, reports an agreement id used in two files with different content, and two versions of one agreement both marked active.',
    rationale:
      'People and systems find an agreement by its reference. When two files carry the same reference but say different things (one keeps data for 8 years, ' +
      'the other for 2), nobody can tell which terms the parties signed, and a register built from the files counts the agreement twice. ' +
      'Two versions both marked active mean the old terms were never retired: data may still flow under either.',
    fix:
      'Keep one file per agreement. If the files are versions of one agreement, give each its `version`, mark every version but the one in force ' +
      '`status: expired` (or `withdrawn`), and keep the history in `history`. If they are different agreements, give one a new id.',
    severity: 'error',
    severityReason: 'The terms in force cannot be known while two files disagree about one agreement.',
    area: 'across',
    importance: 190,
    tags: ['integrity', 'lifecycle'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      { instrument: 'ICO Data Sharing Code of Practice', provision: 'Data sharing agreements', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/' },
    ],
    defaultOptions: {},
    messages: {
      'different-content': {
        text: ['The agreement id "{{id}}"{{versionText}} is also used by {{others}}, which says something different. Keep one file per agreement: ', 'if these are versions, give each its own `version`; if they are different agreements, give one a new id.'],
        request: 'Ask {{drafter}} which document is the agreement: {{others}} uses the same reference "{{id}}" but says something different.',
      },
      'two-active-versions': {
        text: ['Version {{version}} of "{{id}}" is marked active, and so is version {{otherVersions}} ({{others}}). Only one version can be in force: ', 'set `status: expired` on the version that was replaced.'],
        request: 'Ask {{drafter}} which version of "{{id}}" is in force: version {{version}} and version {{otherVersions}} are both marked as active, and only one can be.',
      },
      copy: {
        text: 'The agreement "{{id}}" is also in {{others}}, word for word. Keep one copy, so that a change is not made to one and missed in the other.',
        severity: 'warning',
        request: 'Ask {{drafter}} to keep one copy of the agreement "{{id}}" (it is also in {{others}}), so that a change is not made to one copy and missed in the other.',
      },
    },
    examples: { valid: [], invalid: [] },
    estateExamples: {
      valid: [
        {
          title: 'an old version marked expired beside the active one',
          files: {
            'v1.dsa.yaml': agreement('RIV-001', 'version: 1.0.0\nstatus: expired\n'),
            'v2.dsa.yaml': agreement('RIV-001', 'version: 2.0.0\nstatus: active\n'),
          },
        },
      ],
      invalid: [
        {
          title: 'one id, one version, two different texts',
          files: {
            'a.dsa.yaml': agreement('RIV-001', 'version: 1.0.0\nretention:\n  - { period: P8Y }\n'),
            'b.dsa.yaml': agreement('RIV-001', 'version: 1.0.0\nretention:\n  - { period: P2Y }\n'),
          },
          findings: [
            { file: 'a.dsa.yaml', messageId: 'different-content', range: '2:5-2:12' },
            { file: 'b.dsa.yaml', messageId: 'different-content', range: '2:5-2:12' },
          ],
        },
        {
          title: 'two versions both active',
          files: {
            'v1.dsa.yaml': agreement('RIV-001', 'version: 1.0.0\nstatus: active\n'),
            'v2.dsa.yaml': agreement('RIV-001', 'version: 2.0.0\nstatus: active\n'),
          },
          findings: [
            { file: 'v1.dsa.yaml', messageId: 'two-active-versions', range: '5:9-5:15' },
            { file: 'v2.dsa.yaml', messageId: 'two-active-versions', range: '5:9-5:15' },
          ],
        },
        {
          title: 'the same agreement copied into two folders',
          files: { 'team-a/x.dsa.yaml': agreement('RIV-001'), 'team-b/x.dsa.yaml': agreement('RIV-001') },
          findings: [
            { file: 'team-a/x.dsa.yaml', messageId: 'copy', range: '2:5-2:12' },
            { file: 'team-b/x.dsa.yaml', messageId: 'copy', range: '2:5-2:12' },
          ],
        },
      ],
    },
  },
  check({ entries, report }) {
    const byId = groupBy(entries.map((_, i) => i), (i) => entries[i]!.record.id);
    const label = (j: number): string => agreementLabel(entries[j]!.record, entries[j]!.file);
    /**
     * Each member against the members of the other buckets (other content, other versions):
     * the buckets are found once, and only the first few rivals are named or related, so the
     * work stays linear however many files share one id.
     */
    const againstOthers = (members: readonly number[], bucketOf: (i: number) => string, each: (i: number, rivals: number[], othersText: string) => void): void => {
      const buckets = groupBy(members, bucketOf);
      const sample = [...buckets].map(([bucket, list]) => [bucket, list.slice(0, MAX_RELATED_ACROSS)] as const);
      for (const i of members) {
        const own = bucketOf(i);
        const rivals = sample.filter(([bucket]) => bucket !== own).flatMap(([, list]) => list).slice(0, MAX_RELATED_ACROSS);
        const total = members.length - buckets.get(own)!.length;
        const labels = rivals.map(label);
        each(i, rivals, total > labels.length ? `${labels.slice(0, 3).join(', ')} and ${total - 3} more` : agreementsInWords(labels));
      }
    };

    for (const [id, group] of byId) {
      if (group.length < 2) continue;
      // Same version (or none): one file per agreement and version.
      for (const [version, same] of groupBy(group, (i) => entries[i]!.record.version ?? '')) {
        if (same.length < 2) continue;
        const digest = (i: number): string => entries[i]!.record.digest;
        const identical = same.every((i) => digest(i) === digest(same[0]!));
        // Identical copies are compared with each other; differing files with those that differ.
        againstOthers(same, identical ? (i) => String(i) : digest, (i, rivals, others) => {
          if (rivals.length === 0) return;
          report({
            messageId: identical ? 'copy' : 'different-content',
            data: { id, versionText: version ? ` (version ${version})` : '', others },
            entry: i,
            at: entries[i]!.record.idAt,
            related: rivals.map((j) => ({ entry: j, at: entries[j]!.record.idAt, message: `The same id in ${entries[j]!.file}.` })),
            key: `${id}|${version}`,
          });
        });
      }
      // Two versions both in force.
      const active = group.filter((i) => entries[i]!.record.status === 'active');
      const versionOf = (i: number): string => entries[i]!.record.version ?? '(none)';
      if (new Set(active.map(versionOf)).size < 2) continue;
      againstOthers(active, versionOf, (i, rivals, others) => {
        report({
          messageId: 'two-active-versions',
          data: { id, version: versionOf(i), otherVersions: joinWords([...new Set(rivals.map(versionOf))]), others },
          entry: i,
          at: entries[i]!.record.statusAt,
          related: rivals.map((j) => ({ entry: j, at: entries[j]!.record.statusAt, message: `Version ${versionOf(j)} is marked active in ${entries[j]!.file}.` })),
          key: `${id}|active`,
        });
      });
    }
  },
});
