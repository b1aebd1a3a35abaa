/**
 * The register of agreements an IG team can publish: one row per agreement that matches the
 * format, what falls due soon, and the flow map (who sends what to whom). Built from a run's
 * records and findings only, so every format (CSV, HTML, JSON-LD, the Action's summary)
 * shows the same facts. Pure and deterministic: rows in file order, organisations by name.
 */
import type { LintRun } from '../core/types.js';
import { recordOf, type AgreementRecord } from '../across/record.js';
import { Organisations, flowCategories, inForce, partyOf } from '../across/estate.js';
import { basisWords, categoryLabel, populationScopeLabel, purposeCategoryLabel } from '../across/words.js';
import { countFile } from '../reporters/shared.js';
import { addDuration, parseDuration } from '../core/facts.js';
import { SIGNOFF_ROLES } from '../vocabulary.js';
import { byCodeUnits } from '../core/compare.js';

export interface RegisterRow {
  readonly file: string;
  readonly record: AgreementRecord;
  readonly id: string;
  readonly title: string;
  /** As written, or "sharing agreement" when unstated. */
  readonly kind: string;
  readonly status: string;
  readonly inForce: boolean;
  readonly parties: readonly string[];
  readonly recipients: readonly string[];
  /** "Label: basis" for each purpose. */
  readonly purposes: readonly string[];
  readonly dataCategories: readonly string[];
  readonly population: string;
  readonly effectiveFrom: string;
  readonly reviewBy: string;
  readonly expires: string;
  readonly dpia: string;
  readonly signOffs: readonly string[];
  /** Open (not waived) findings, by group. */
  readonly open: { readonly error: number; readonly warning: number; readonly review: number; readonly info: number };
}

export interface DueItem {
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly what: 'expires' | 'review';
  readonly date: string;
}

export interface OrgNode {
  /** Stable within one register: o1, o2, … in name order. */
  readonly key: string;
  readonly name: string;
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  /** Agreement ids carrying flows along this edge. */
  readonly agreements: readonly string[];
  readonly purposes: readonly string[];
  readonly categories: readonly string[];
}

export interface Register {
  readonly asOf: string;
  /** The window the due list looks ahead, as an ISO 8601 duration. */
  readonly window: string;
  readonly rows: readonly RegisterRow[];
  /** Files left out because they do not match the format, or could not be read. */
  readonly leftOut: readonly string[];
  readonly due: readonly DueItem[];
  /** Organisations and flows of the agreements in force. */
  readonly organisations: readonly OrgNode[];
  readonly flows: readonly FlowEdge[];
  /** Recipient × data category: the agreement ids that give it. */
  readonly matrix: { readonly recipients: readonly string[]; readonly categories: readonly string[]; readonly cells: ReadonlyMap<string, readonly string[]> };
}

const SIGNOFF_LABEL = new Map(SIGNOFF_ROLES.map((r) => [r.value, r.label]));

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(byCodeUnits);
}

function rowOf(file: string, record: AgreementRecord, run: LintRun, counts: RegisterRow['open']): RegisterRow {
  const partyName = (id: string | undefined): string => partyOf(record, id)?.name ?? id ?? '';
  const population = record.population;
  return {
    file,
    record,
    id: record.id,
    title: record.title,
    kind: (record.kind ?? 'sharing_agreement').replace(/_/g, ' '),
    status: record.status ?? '',
    inForce: inForce(record, run.asOf),
    parties: record.parties.map((p) => (p.role ? `${p.name} (${p.role.replace(/_/g, ' ')})` : p.name)),
    recipients: sorted(record.flows.flatMap((f) => (f.to ? [partyName(f.to)] : []))),
    purposes: record.purposes.map((p) => {
      const label = purposeCategoryLabel(p.category) ?? p.id;
      const basis = basisWords(p.basis);
      return basis ? `${label}: ${basis}` : label;
    }),
    dataCategories: sorted(record.data.flatMap((d) => d.categories.map(categoryLabel))),
    population: population ? [populationScopeLabel(population.scope), population.description].filter(Boolean).join(': ') : '',
    effectiveFrom: record.dates.effectiveFrom ?? '',
    reviewBy: record.dates.reviewBy ?? '',
    expires: record.dates.expires ?? '',
    dpia: record.dpia ? [record.dpia.reference, record.dpia.completed && `completed ${record.dpia.completed}`].filter(Boolean).join(', ') : '',
    signOffs: record.approvals.map((a) =>
      [a.name, a.role && (SIGNOFF_LABEL.get(a.role) ?? a.role), a.party && partyName(a.party), a.date, a.version && `version ${a.version}`].filter(Boolean).join(', '),
    ),
    open: counts,
  };
}

export function buildRegister(run: LintRun, window = 'P90D'): Register {
  const rows: RegisterRow[] = [];
  const leftOut: string[] = [];
  for (const file of run.files) {
    if (file.config) continue;
    const record = recordOf(file);
    if (!record) {
      leftOut.push(file.path);
      continue;
    }
    const c = countFile(file);
    rows.push(rowOf(file.path, record, run, { error: c.error, warning: c.warning, review: c.review, info: c.info }));
  }

  const until = addDuration(run.asOf, parseDuration(window) ?? { years: 0, months: 0, weeks: 0, days: 90, hours: 0, minutes: 0, seconds: 0 });
  const due: DueItem[] = rows
    .filter((r) => r.status === '' || r.status === 'active')
    .flatMap((r) => [
      ...(r.expires && r.expires >= run.asOf && r.expires <= until ? [{ file: r.file, id: r.id, title: r.title, what: 'expires' as const, date: r.expires }] : []),
      ...(r.reviewBy && r.reviewBy >= run.asOf && r.reviewBy <= until ? [{ file: r.file, id: r.id, title: r.title, what: 'review' as const, date: r.reviewBy }] : []),
    ])
    .sort((a, b) => byCodeUnits(a.date, b.date) || byCodeUnits(a.file, b.file));

  // The flow map: organisations and flows of the agreements in force.
  const live = rows.filter((r) => r.inForce);
  const orgs = new Organisations(live.map((r) => r.record));
  const edges = new Map<string, { from: string; to: string; agreements: Set<string>; purposes: Set<string>; categories: Set<string> }>();
  const names = new Map<string, string>();
  for (const row of live) {
    const record = row.record;
    for (const flow of record.flows) {
      const from = orgs.of(record, flow.from);
      const to = orgs.of(record, flow.to);
      if (from === undefined || to === undefined) continue;
      names.set(from, orgs.nameOf(from));
      names.set(to, orgs.nameOf(to));
      const key = `${from}\u0000${to}`;
      let edge = edges.get(key);
      if (!edge) edges.set(key, (edge = { from, to, agreements: new Set(), purposes: new Set(), categories: new Set() }));
      edge.agreements.add(record.id);
      for (const id of flow.purposes) {
        const purpose = record.purposes.find((p) => p.id === id);
        edge.purposes.add(purposeCategoryLabel(purpose?.category) ?? id);
      }
      for (const c of flowCategories(record, flow)) edge.categories.add(c);
    }
  }
  const orgKeys = [...names.keys()].sort((a, b) => {
    const na = names.get(a)!;
    const nb = names.get(b)!;
    return na < nb ? -1 : na > nb ? 1 : a < b ? -1 : 1;
  });
  const shortKey = new Map(orgKeys.map((k, i) => [k, `o${i + 1}`]));
  const flows: FlowEdge[] = [...edges.values()]
    .map((e) => ({ from: shortKey.get(e.from)!, to: shortKey.get(e.to)!, agreements: sorted(e.agreements), purposes: sorted(e.purposes), categories: sorted(e.categories) }))
    .sort((a, b) => byCodeUnits(a.from, b.from) || byCodeUnits(a.to, b.to));
  const organisations = orgKeys.map((k) => ({ key: shortKey.get(k)!, name: names.get(k)! }));

  // Which agreements give each recipient each category, flow by flow (an edge may join several agreements).
  const cells = new Map<string, string[]>();
  for (const row of live) {
    for (const flow of row.record.flows) {
      const to = orgs.of(row.record, flow.to);
      if (to === undefined || orgs.of(row.record, flow.from) === undefined) continue;
      for (const category of flowCategories(row.record, flow)) {
        const cell = matrixCell(names.get(to)!, category);
        cells.set(cell, sorted([...(cells.get(cell) ?? []), row.id]));
      }
    }
  }
  const nameOf = new Map(organisations.map((o) => [o.key, o.name]));
  const recipients = sorted(flows.map((f) => nameOf.get(f.to)!));
  const categories = sorted(flows.flatMap((f) => f.categories));
  return { asOf: run.asOf, window, rows, leftOut, due, organisations, flows, matrix: { recipients, categories, cells } };
}

/** The key of a matrix cell. */
export function matrixCell(recipient: string, category: string): string {
  return `${recipient}\u0000${category}`;
}
