import type { Agreement } from '../src/generated/agreement.js';
import { defineRule, extendPath, yaml, type Path } from '../src/core/rule.js';
import { suggest } from '../src/core/suggest.js';

type Kind = 'party' | 'purpose' | 'data';

/** Every place the format refers to a party, purpose or data item by id. */
function* references(a: Agreement): Generator<{ kind: Kind; id: string; path: Path }> {
  const one = function* (kind: Kind, id: string | undefined, path: Path) {
    if (id !== undefined) yield { kind, id, path };
  };
  const many = function* (kind: Kind, ids: readonly string[] | undefined, path: Path) {
    for (const [i, id] of (ids ?? []).entries()) yield { kind, id, path: extendPath(path, i) };
  };
  for (const [i, p] of (a.purposes ?? []).entries()) yield* one('party', p.owner, ['purposes', i, 'owner']);
  for (const [i, d] of (a.data ?? []).entries()) yield* many('purpose', d.purposes, ['data', i, 'purposes']);
  for (const [i, f] of (a.flows ?? []).entries()) {
    yield* one('party', f.from, ['flows', i, 'from']);
    yield* one('party', f.to, ['flows', i, 'to']);
    yield* many('data', f.data, ['flows', i, 'data']);
    yield* many('purpose', f.purposes, ['flows', i, 'purposes']);
  }
  for (const [i, r] of (a.retention ?? []).entries()) {
    yield* one('party', r.party, ['retention', i, 'party']);
    yield* many('data', r.data, ['retention', i, 'data']);
  }
  yield* one('party', a.breach?.ico_notification_owner, ['breach', 'ico_notification_owner']);
  yield* one('party', a.breach?.data_subject_comms_owner, ['breach', 'data_subject_comms_owner']);
  for (const [i, n] of (a.transparency?.privacy_notices ?? []).entries()) yield* one('party', n.party, ['transparency', 'privacy_notices', i, 'party']);
  yield* one('party', a.transparency?.rights_handled_by, ['transparency', 'rights_handled_by']);
  for (const [i, p] of (a.processors ?? []).entries()) {
    yield* one('party', p.party, ['processors', i, 'party']);
    yield* many('party', p.acting_for, ['processors', i, 'acting_for']);
  }
  for (const [i, t] of (a.international_transfers ?? []).entries()) yield* one('party', t.to, ['international_transfers', i, 'to']);
  for (const [i, ap] of (a.approvals ?? []).entries()) yield* one('party', ap.party, ['approvals', i, 'party']);
  for (const [i, h] of (a.history ?? []).entries()) {
    yield* many('purpose', h.changes?.added_purposes, ['history', i, 'changes', 'added_purposes']);
    yield* many('data', h.changes?.added_data, ['history', i, 'changes', 'added_data']);
    yield* many('party', h.changes?.added_parties, ['history', i, 'changes', 'added_parties']);
  }
}

const SECTION: Record<Kind, 'parties' | 'purposes' | 'data'> = { party: 'parties', purpose: 'purposes', data: 'data' };

export default defineRule({
  id: 'reference-unresolved',
  meta: {
    title: 'References must name a party, purpose or data item the agreement declares',
    description: 'Reports a flow, data item, retention entry, approval or other entry that names a party, purpose or data item by an id that is not declared.',
    rationale:
      'Flows, retention periods and approvals refer to parties, purposes and data by id. A reference to an id that does not exist means the agreement ' +
      'governs something it never describes: a recipient nobody identified, or data used for a purpose nobody declared (purpose creep).',
    fix: 'Correct the id (dsalint suggests the nearest declared one), or declare the missing party, purpose or data item.',
    severity: 'error',
    severityReason: 'The agreement cannot be read consistently: part of it refers to something that is not there.',
    area: 'format',
    importance: 160,
    tags: ['format', 'purpose-limitation'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'UK GDPR', provision: 'Art 5(1)(b) (purpose limitation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' }],
    defaultOptions: {},
    messages: {
      unresolved: {
        text: 'There is no {{kind}} with the id "{{id}}"; declare it under `{{section}}`, or correct the id.{{suggestion}}',
        request: 'Ask {{drafter}} to say which {{kind}} "{{id}}" is: the agreement refers to it but never describes it.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a flow between declared parties',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: meo, name: Medical Examiner Office }
            flows:
              - { id: f1, from: surgery, to: meo }
          `,
        },
      ],
      invalid: [
        {
          title: 'a flow to an undeclared party',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: meo, name: Medical Examiner Office }
            flows:
              - { id: f1, from: surgery, to: me-office }
          `,
          findings: [{ messageId: 'unresolved', at: 'flows[0].to' }],
        },
      ],
    },
  },
  check({ agreement, report }) {
    const declared: Record<Kind, string[]> = {
      party: (agreement.parties ?? []).map((p) => p.id),
      purpose: (agreement.purposes ?? []).map((p) => p.id),
      data: (agreement.data ?? []).map((d) => d.id),
    };
    for (const ref of references(agreement)) {
      if (declared[ref.kind].includes(ref.id)) continue;
      const guess = suggest(ref.id, declared[ref.kind]);
      report({
        messageId: 'unresolved',
        data: { kind: ref.kind === 'data' ? 'data item' : ref.kind, id: ref.id, section: SECTION[ref.kind], suggestion: guess ? ` Did you mean "${guess}"?` : '' },
        at: ref.path,
      });
    }
  },
});
