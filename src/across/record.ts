/**
 * One agreement as the checks across agreements and the register see it: the facts they
 * compare, each with where it is written in the file. Built while the file is linted, then
 * kept instead of the parsed YAML, so it must stay plain data (structured-clone safe, no
 * class instances, no functions) and small: a run of 10,000 agreements holds 10,000 of them.
 */
import { createHash } from 'node:crypto';
import type { Agreement } from '../generated/agreement.js';
import type { AgreementPath, RangePart } from '../core/locate.js';
import type { FileResult, Location } from '../core/types.js';
import { agreementEnd, coversAllPatients, firstDayOf, isStandingLiveAccess, lastDayOf, sharesAllFields } from '../core/facts.js';
import { byCodeUnits } from '../core/compare.js';

export interface PartyRecord {
  readonly id: string;
  readonly name: string;
  readonly odsCode?: string;
  readonly orgType?: string;
  readonly role?: string;
  readonly at: Spot;
}

export interface LawfulBasisRecord {
  readonly article6?: string;
  readonly article9?: string;
  readonly dpaSchedule1?: string;
  readonly commonLaw?: string;
  readonly legislation: readonly string[];
}

export interface PurposeRecord {
  readonly id: string;
  readonly category?: string;
  readonly description?: string;
  readonly basis: LawfulBasisRecord;
  readonly at: Spot;
  /** The `lawful_basis` mapping, or the purpose when it has none. */
  readonly basisAt: Spot;
}

export interface DataRecord {
  readonly id: string;
  readonly description?: string;
  readonly categories: readonly string[];
  readonly identifiability?: string;
  readonly at: Spot;
}

export interface FlowRecord {
  readonly id: string;
  readonly from?: string;
  readonly to?: string;
  readonly data: readonly string[];
  readonly purposes: readonly string[];
  readonly mode?: string;
  readonly trigger?: string;
  readonly duration?: string;
  /** The flow gives the whole record (facts.sharesAllFields). */
  readonly allFields: boolean;
  /** Standing interactive access to the source system (facts.isStandingLiveAccess). */
  readonly standing: boolean;
  readonly at: Spot;
  /** The access mode, or the flow's id when it has none. */
  readonly accessAt: Spot;
}

export interface RetentionRecord {
  readonly party?: string;
  readonly data: readonly string[];
  readonly period?: string;
  readonly at: Spot;
}

export interface PopulationRecord {
  readonly description?: string;
  readonly scope?: string;
  /** Every patient, or an unbounded cohort (facts.coversAllPatients). */
  readonly allPatients: boolean;
  readonly nationalDataOptOut?: string;
  readonly type1Objections?: string;
  readonly at: Spot;
  readonly nationalDataOptOutAt: Spot;
  readonly type1ObjectionsAt: Spot;
}

export interface ApprovalRecord {
  readonly party?: string;
  readonly role?: string;
  readonly name?: string;
  readonly date?: string;
  readonly version?: string;
}

export interface AgreementRecord {
  readonly id: string;
  readonly title: string;
  readonly version?: string;
  readonly status?: string;
  /** The kind of document (sharing agreement, overarching protocol, template …); unstated means a sharing agreement. */
  readonly kind?: string;
  /** A hash of the agreement's content (key order and layout ignored). */
  readonly digest: string;
  readonly idAt: Spot;
  readonly versionAt: Spot;
  readonly statusAt: Spot;
  /** Full dates (a month-only date read as its first day for a start, its last for an end); `expires` counts a fixed initial term. */
  readonly dates: { readonly effectiveFrom?: string; readonly expires?: string; readonly reviewBy?: string };
  readonly expiresAt: Spot;
  readonly reviewByAt: Spot;
  readonly parties: readonly PartyRecord[];
  readonly purposes: readonly PurposeRecord[];
  readonly data: readonly DataRecord[];
  readonly flows: readonly FlowRecord[];
  readonly retention: readonly RetentionRecord[];
  readonly population?: PopulationRecord;
  readonly dpia?: { readonly reference?: string; readonly completed?: string; readonly versionCovered?: string };
  readonly approvals: readonly ApprovalRecord[];
}

export type Place = (path: AgreementPath, part?: RangePart) => Location;

/**
 * A place in the file, kept compact (a record holds a few dozen and a run holds a record per
 * agreement until the across stage): one string, `startLine,startColumn,endLine,endColumn,
 * startOffset,endOffset path`, about half the heap of an array of seven. Rules pass spots
 * through untouched; `locationOf` turns one back into a Location for a finding.
 */
export type Spot = string & { readonly spot?: never };

function spot(location: Location): Spot {
  const { start, end, startOffset, endOffset } = location.range;
  return `${start.line},${start.column},${end.line},${end.column},${startOffset},${endOffset} ${location.path ?? ''}`;
}

export function locationOf(at: Spot): Location {
  const space = at.indexOf(' ');
  const [startLine, startColumn, endLine, endColumn, startOffset, endOffset] = at.slice(0, space).split(',').map(Number) as [number, number, number, number, number, number];
  const path = at.slice(space + 1);
  return { ...(path ? { path } : {}), range: { start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn }, startOffset, endOffset } };
}

/** A file result's record (FileResult keeps it untyped, as it does the parsed agreement). */
export function recordOf(file: FileResult): AgreementRecord | undefined {
  return file.record as AgreementRecord | undefined;
}

/** Copy only the defined fields, so records carry no `undefined` keys. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** JSON with keys sorted, so two files with the same content hash alike however they are laid out. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => byCodeUnits(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function recordAgreement(a: Agreement, locate: Place): AgreementRecord {
  const place = (path: AgreementPath, part?: RangePart): Spot => spot(locate(path, part));
  const population = a.population;
  return defined({
    id: a.id,
    title: a.title,
    version: a.version,
    status: a.status,
    kind: a.kind,
    digest: createHash('sha256').update(canonical(a)).digest('hex').slice(0, 32),
    idAt: place(['id']),
    versionAt: place(a.version !== undefined ? ['version'] : ['id']),
    statusAt: place(a.status !== undefined ? ['status'] : ['id']),
    dates: defined({ effectiveFrom: firstDayOf(a.dates?.effective_from), expires: agreementEnd(a), reviewBy: lastDayOf(a.dates?.review_by) }),
    expiresAt: place(a.dates?.expires === undefined && a.dates?.initial_term !== undefined ? ['dates', 'initial_term'] : ['dates', 'expires']),
    reviewByAt: place(['dates', 'review_by']),
    parties: (a.parties ?? []).map((p, i) => defined({ id: p.id, name: p.name, odsCode: p.ods_code, orgType: p.org_type, role: p.role, at: place(['parties', i, 'id']) })),
    purposes: (a.purposes ?? []).map((p, i) => {
      const basis = p.lawful_basis;
      return defined({
        id: p.id,
        category: p.category,
        description: p.description,
        basis: defined({ article6: basis?.article_6, article9: basis?.article_9, dpaSchedule1: basis?.dpa_schedule_1, commonLaw: basis?.common_law, legislation: basis?.legislation ?? [] }),
        at: place(['purposes', i, 'id']),
        basisAt: place(basis ? ['purposes', i, 'lawful_basis'] : ['purposes', i, 'id'], basis ? 'key' : 'value'),
      });
    }),
    data: (a.data ?? []).map((d, i) =>
      defined({ id: d.id, description: d.description, categories: [...(d.categories ?? [])], identifiability: d.identifiability, at: place(['data', i, 'id']) }),
    ),
    flows: (a.flows ?? []).map((f, i) =>
      defined({
        id: f.id,
        from: f.from,
        to: f.to,
        data: [...(f.data ?? [])],
        purposes: [...(f.purposes ?? [])],
        mode: f.access?.mode,
        trigger: f.access?.trigger,
        duration: f.access?.duration,
        allFields: sharesAllFields(a, f),
        standing: isStandingLiveAccess(f),
        at: place(['flows', i, 'id']),
        accessAt: place(f.access?.mode !== undefined ? ['flows', i, 'access', 'mode'] : ['flows', i, 'id']),
      }),
    ),
    retention: (a.retention ?? []).map((r, i) => defined({ party: r.party, data: [...(r.data ?? [])], period: r.period, at: place(r.period !== undefined ? ['retention', i, 'period'] : ['retention', i]) })),
    population: population
      ? defined({
          description: population.description,
          scope: population.scope,
          allPatients: coversAllPatients(a),
          nationalDataOptOut: population.national_data_opt_out,
          type1Objections: population.type1_objections,
          at: place(population.scope !== undefined ? ['population', 'scope'] : ['population'], population.scope !== undefined ? 'value' : 'key'),
          nationalDataOptOutAt: place(['population', 'national_data_opt_out']),
          type1ObjectionsAt: place(['population', 'type1_objections']),
        })
      : undefined,
    dpia: a.dpia ? defined({ reference: a.dpia.reference, completed: a.dpia.completed, versionCovered: a.dpia.version_covered }) : undefined,
    approvals: (a.approvals ?? []).map((p) => defined({ party: p.party, role: p.role, name: p.name, date: p.date, version: p.version })),
  });
}
