/**
 * The meaning of each change between versions (src/core/diff.ts) and the content digest
 * (src/core/digest.ts): every widening is classified broadening and changes the digest;
 * wording, order, comments and record-keeping are neutral and keep it.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffAgreements } from '../src/core/diff.js';
import { contentDigest, isDigest } from '../src/core/digest.js';

const BASE = {
  dsalint: 1,
  id: 'X',
  title: 'Example',
  version: '1.0.0',
  dates: { effective_from: '2026-04-01', expires: '2027-03-31' },
  parties: [
    { id: 'gp', name: 'Surgery', role: 'controller', group: { count: 3, members: [{ name: 'A Surgery' }] } },
    { id: 'icb', name: 'ICB', role: 'controller' },
  ],
  purposes: [{ id: 'care', category: 'individual_care', description: 'Care', population: { scope: 'per_case' } }] as { id: string; category: string; description: string; population?: { scope: string } }[],
  onward_sharing: { allowed: false },
  commercial_use: { allowed: false },
  population: { scope: 'defined_cohort', vital_status: 'living', history_window: 'P3Y', national_data_opt_out: 'applied', age_range: { min: 18, max: 65 }, inclusion_criteria: ['diabetes'] },
  data: [{ id: 'd', categories: ['nhs_number', 'diagnoses_problems'], identifiability: 'pseudonymised', free_text: false, protections: ['third_party_redaction'], history_window: 'P3Y', purposes: ['care'] }],
  flows: [{ id: 'f', from: 'gp', to: 'icb', data: ['d'], purposes: ['care'], access: { mode: 'extract', duration: 'time_limited', read_only: true, audit_logging: true, end: '2027-01-01' }, transfer: { encrypted: true } }],
  retention: [{ party: 'icb', data: ['d'], period: 'P1Y' }],
  security: { measures: ['encryption_at_rest', 'mfa'] },
  approvals: [{ party: 'gp', role: 'dpo', date: '2026-04-01', version: '1.0.0' }],
  history: [{ version: '1.0.0', date: '2026-04-01' }],
};

type Data = typeof BASE;
const edit = (change: (d: Data) => void): Data => {
  const copy = structuredClone(BASE);
  change(copy);
  return copy;
};

/** Each widening: [what it does, the change, the `what` dsalint says]. */
const WIDENINGS: [string, (d: Data) => void, string][] = [
  ['a new party', (d) => d.parties.push({ id: 'police', name: 'Police', role: 'controller' }), 'adds the party "police"'],
  ['a new purpose', (d) => d.purposes.push({ id: 'research', category: 'research', description: 'R' }), 'adds the purpose "research"'],
  ['a special category', (d) => d.data[0]!.categories.push('mental_health'), 'adds the special category data "mental_health" to the data "d"'],
  ['more identifiable data', (d) => (d.data[0]!.identifiability = 'identifiable'), 'changes how identifiable the data is in the data "d" from "pseudonymised" to "identifiable"'],
  ['free text', (d) => (d.data[0]!.free_text = true), 'changes whether free text is included in the data "d" from false to true'],
  ['a protection removed', (d) => (d.data[0]!.protections = []), 'removes the protection "third_party_redaction" from the data "d"'],
  ['a longer data history', (d) => (d.data[0]!.history_window = 'P10Y'), 'changes how far back the data goes in the data "d" from "P3Y" to "P10Y"'],
  ['all history', (d) => (d.population.history_window = 'all'), 'changes how far back the records go from "P3Y" to "all"'],
  ['a wider population', (d) => (d.population.scope = 'all_registered'), 'changes whose records are shared from "defined_cohort" to "all_registered"'],
  ['the deceased too', (d) => (d.population.vital_status = 'both'), 'changes the patients covered from "living" to "both"'],
  ['younger patients', (d) => (d.population.age_range.min = 0), 'changes the youngest age covered from 18 to 0'],
  ['an inclusion criterion removed', (d) => (d.population.inclusion_criteria = []), 'removes the inclusion criterion "diabetes"'],
  ['opt-outs no longer applied', (d) => (d.population.national_data_opt_out = 'not_applied'), 'changes how the national data opt-out is handled from "applied" to "not_applied"'],
  ['a new recipient', (d) => (d.flows[0]!.to = 'gp'), 'changes the recipient in the flow "f" from "icb" to "gp"'],
  ['live access', (d) => (d.flows[0]!.access.mode = 'live_system_access'), 'changes the access mode in the flow "f" from "extract" to "live_system_access"'],
  ['standing access', (d) => (d.flows[0]!.access.duration = 'standing'), 'changes how long access lasts in the flow "f" from "time_limited" to "standing"'],
  ['write access', (d) => (d.flows[0]!.access.read_only = false), 'changes read-only access in the flow "f" from true to false'],
  ['no audit', (d) => delete (d.flows[0]!.access as { audit_logging?: boolean }).audit_logging, 'changes audit logging in the flow "f" from true to nothing'],
  ['a later end', (d) => (d.flows[0]!.access.end = '2028-01-01'), 'changes when access ends in the flow "f" from "2027-01-01" to "2028-01-01"'],
  ['no encryption', (d) => (d.flows[0]!.transfer.encrypted = false), 'changes encryption in transit in the flow "f" from true to false'],
  ['longer retention', (d) => (d.retention[0]!.period = 'P8Y'), 'changes how long the data is kept from "P1Y" to "P8Y"'],
  ['kept indefinitely', (d) => (d.retention[0]!.period = 'indefinite'), 'changes how long the data is kept from "P1Y" to "indefinite"'],
  ['a security measure removed', (d) => (d.security.measures = ['mfa']), 'removes the security measure "encryption_at_rest"'],
  ['a later expiry', (d) => (d.dates.expires = '2030-03-31'), 'changes when the agreement ends from "2027-03-31" to "2030-03-31"'],
  ['a group member', (d) => d.parties[0]!.group!.members.push({ name: 'B Surgery' }), 'adds the group member "B Surgery" to the party "gp"'],
  ['a bigger group', (d) => (d.parties[0]!.group!.count = 5), 'changes how many organisations are in the group in the party "gp" from 3 to 5'],
  ['a purpose\'s wider population', (d) => (d.purposes[0]!.population!.scope = 'all_registered'), 'changes whose records are shared in the purpose "care" from "per_case" to "all_registered"'],
  ['onward sharing', (d) => (d.onward_sharing.allowed = true), 'changes whether onward sharing is allowed from false to true'],
  ['commercial use', (d) => (d.commercial_use.allowed = true), 'changes whether commercial use is allowed from false to true'],
  ['an unknown list grows', (d) => ((d as unknown as { registers: string[] }).registers = ['onward']), 'adds "onward" to registers'],
];

describe('diffAgreements', () => {
  it.each(WIDENINGS)('classifies %s as broadening', (_title, change, what) => {
    const changes = diffAgreements(BASE, edit(change)).filter((c) => c.class !== 'neutral');
    expect(changes.map((c) => [c.class, c.what])).toEqual([['broadening', what]]);
  });

  it.each(WIDENINGS.filter(([title]) => !['an unknown list grows', 'no audit', 'a new recipient'].includes(title)))('classifies the reverse of %s as narrowing', (_title, change) => {
    const changes = diffAgreements(edit(change), BASE).filter((c) => c.class !== 'neutral');
    expect(changes.map((c) => c.class)).toEqual(['narrowing']);
  });

  it('treats wording, order and record-keeping as neutral', () => {
    const changes = diffAgreements(
      BASE,
      edit((d) => {
        d.title = 'A better title';
        d.purposes[0]!.description = 'Individual care of the patient';
        d.parties.reverse();
        d.data[0]!.categories.reverse();
        d.version = '1.0.1';
        d.approvals.push({ party: 'icb', role: 'dpo', date: '2026-04-02', version: '1.0.1' });
        d.history.push({ version: '1.0.1', date: '2026-05-01' });
      }),
    );
    expect(changes.map((c) => [c.class, c.what])).toEqual([
      ['neutral', 'updates the approvals'],
      ['neutral', 'updates the history'],
      ['neutral', 'rewords the description in the purpose "care"'],
      ['neutral', 'rewords the title'],
      ['neutral', 'changes the version from "1.0.0" to "1.0.1"'],
    ]);
  });

  it('names the place of each change in both versions, the nearest parent when added or removed', () => {
    const [added] = diffAgreements(BASE, edit((d) => d.purposes.push({ id: 'r', category: 'research', description: 'R' })));
    expect(added).toMatchObject({ before: ['purposes'], after: ['purposes', 1], itemId: 'r' });
    const [removed] = diffAgreements(BASE, edit((d) => d.data[0]!.categories.splice(0, 1)));
    expect(removed).toMatchObject({ class: 'narrowing', before: ['data', 0, 'categories', 0], after: ['data', 0, 'categories'] });
  });
});

describe('contentDigest', () => {
  const digest = (data: unknown): string => contentDigest(data);

  it('is 64 hex characters, and the same whatever the layout, comments, key order, list order, wording or approvals', () => {
    const yaml = 'dsalint: 1\nid: X\ntitle: A\nversion: 1.0.0\nparties:\n  - { id: gp, name: Surgery }\n  - { id: icb, name: ICB }\n';
    const relaid = '# comment\ntitle: "Another title"\nversion: "1.0.1"\nid: X\ndsalint: 1\nparties:\n  - id: icb\n    name: ICB\n  - name: Surgery\n    id: gp\napprovals: [{ party: gp, role: dpo }]\nhistory: [{ version: 1.0.1, material: false }]\n';
    expect(isDigest(digest(parse(yaml)))).toBe(true);
    expect(digest(parse(relaid))).toBe(digest(parse(yaml)));
  });

  it.each(WIDENINGS)('changes for %s', (_title, change) => {
    expect(digest(edit(change))).not.toBe(digest(BASE));
  });

  it('recognises a hex digest only', () => {
    expect(isDigest('A'.repeat(64))).toBe(true);
    expect(isDigest('g'.repeat(64))).toBe(false);
    expect(isDigest('a'.repeat(63))).toBe(false);
  });
});
