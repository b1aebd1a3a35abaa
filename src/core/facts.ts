/**
 * Shared facts about an agreement that many rules ask: which purposes are direct care,
 * what a flow carries, who receives it, whether it is whole-system access, and date and
 * duration arithmetic. Rules use these rather than re-deriving them, so that two rules
 * never disagree about what "direct care" or "standing live access" means.
 */
import type { Agreement, Approval, DataItem, Flow, Party, Purpose, SignoffRole } from '../generated/agreement.js';
import {
  COMMON_LAW_BASIS,
  DATA_CATEGORY,
  DUAA_COMMENCEMENT,
  ORG_TYPE,
  PURPOSE_CATEGORY,
  type DataCategory,
  type OrgType,
  type PurposeCategory,
} from '../vocabulary.js';
import type { DurationParts } from './words.js';

// ---------------------------------------------------------------------------------------
// Look-ups

export function partyById(a: Agreement, id: string | undefined): Party | undefined {
  return id === undefined ? undefined : (a.parties ?? []).find((p) => p.id === id);
}
export function purposeById(a: Agreement, id: string | undefined): Purpose | undefined {
  return id === undefined ? undefined : (a.purposes ?? []).find((p) => p.id === id);
}
export function dataById(a: Agreement, id: string | undefined): DataItem | undefined {
  return id === undefined ? undefined : (a.data ?? []).find((d) => d.id === id);
}
export function indexOfParty(a: Agreement, id: string): number {
  return (a.parties ?? []).findIndex((p) => p.id === id);
}
export function indexOfPurpose(a: Agreement, id: string): number {
  return (a.purposes ?? []).findIndex((p) => p.id === id);
}
export function indexOfData(a: Agreement, id: string): number {
  return (a.data ?? []).findIndex((d) => d.id === id);
}

export function orgTypeOf(party: Party | undefined): OrgType | undefined {
  return party?.org_type ? ORG_TYPE.get(party.org_type) : undefined;
}
export function purposeCategoryOf(purpose: Purpose | undefined): PurposeCategory | undefined {
  return purpose?.category ? PURPOSE_CATEGORY.get(purpose.category) : undefined;
}
export function dataCategoriesOf(item: DataItem | undefined): DataCategory[] {
  return (item?.categories ?? []).flatMap((c) => DATA_CATEGORY.get(c) ?? []);
}

/** A display name for a party: its name, else its id. */
export function partyName(a: Agreement, id: string | undefined): string {
  return partyById(a, id)?.name ?? id ?? 'an unnamed party';
}

/**
 * A display name for a purpose, for messages: its category's label and its id, such as
 * `medical examiner scrutiny of a death ("me-scrutiny")`; just the quoted id when it has no category.
 */
export function purposeName(purpose: Purpose): string {
  const label = purposeCategoryOf(purpose)?.label;
  return label ? `${label.charAt(0).toLowerCase()}${label.slice(1)} ("${purpose.id}")` : `"${purpose.id}"`;
}

/** Whether the party is a public authority: as declared, else as its organisation type normally is. */
export function isPublicAuthority(party: Party | undefined): boolean {
  if (party?.public_authority !== undefined) return party.public_authority;
  return orgTypeOf(party)?.publicAuthority ?? false;
}

export function isController(party: Party | undefined): boolean {
  return party?.role === undefined || party.role === 'controller' || party.role === 'joint_controller';
}

export function isProcessor(party: Party | undefined): boolean {
  return party?.role === 'processor' || party?.role === 'sub_processor';
}

/**
 * Whether everyone at the party who sees the data is a health or social work professional
 * or owes an equivalent duty of confidentiality (UK GDPR Art 9(3), DPA 2018 s11(1)): as the
 * party declares, else as its organisation type normally is; undefined when neither says.
 */
export function owesDutyOfConfidentiality(party: Party | undefined): boolean | undefined {
  if (party?.duty_of_confidentiality !== undefined) return party.duty_of_confidentiality;
  return orgTypeOf(party)?.dutyOfConfidentiality;
}

// ---------------------------------------------------------------------------------------
// Purposes

/** Direct (individual) care. Safeguarding, medical examiner and legal purposes are not. */
export function isDirectCare(purpose: Purpose | undefined): boolean {
  return purposeCategoryOf(purpose)?.careType === 'direct';
}

/** Any purpose beyond individual care (including uncategorised ones, to be safe). */
export function isSecondary(purpose: Purpose | undefined): boolean {
  return !isDirectCare(purpose);
}

/** Concerns identified individuals one case at a time (safeguarding, ME, coroner, legal). */
export function isPerCasePurpose(purpose: Purpose | undefined): boolean {
  return purposeCategoryOf(purpose)?.perCase ?? false;
}

export function flowPurposes(a: Agreement, flow: Flow): Purpose[] {
  return (flow.purposes ?? []).flatMap((id) => purposeById(a, id) ?? []);
}

export function flowData(a: Agreement, flow: Flow): DataItem[] {
  return (flow.data ?? []).flatMap((id) => dataById(a, id) ?? []);
}

export function flowCategories(a: Agreement, flow: Flow): DataCategory[] {
  return flowData(a, flow).flatMap(dataCategoriesOf);
}

/** Flows that carry a given data item. */
export function flowsCarrying(a: Agreement, dataId: string): Flow[] {
  return (a.flows ?? []).filter((f) => (f.data ?? []).includes(dataId));
}

/** Flows that serve a given purpose. */
export function flowsFor(a: Agreement, purposeId: string): Flow[] {
  return (a.flows ?? []).filter((f) => (f.purposes ?? []).includes(purposeId));
}

// ---------------------------------------------------------------------------------------
// Data

export function isIdentifying(item: DataItem): boolean {
  // Unstated identifiability is treated as identifiable: the cautious reading.
  return item.identifiability === undefined || item.identifiability === 'identifiable' || item.identifiability === 'pseudonymised';
}

export function isSpecialCategory(item: DataItem): boolean {
  return dataCategoriesOf(item).some((c) => c.special);
}

export function isWholeRecord(item: DataItem): boolean {
  return dataCategoriesOf(item).some((c) => c.wholeRecord);
}

export function hasFreeText(item: DataItem): boolean {
  return item.free_text === true || dataCategoriesOf(item).some((c) => c.freeText);
}

/**
 * Confidential patient information: identifiable (or pseudonymised) health or care data
 * disclosed by a health or adult social care organisation. An unknown sender counts.
 */
export function carriesConfidentialPatientInformation(a: Agreement, flow: Flow): boolean {
  const sender = orgTypeOf(partyById(a, flow.from));
  if (sender && !sender.healthOrCare) return false;
  return flowData(a, flow).some((d) => isIdentifying(d) && dataCategoriesOf(d).some((c) => c.special || c.thirdParty));
}

/**
 * The flow gives the recipient personal data about patients: some item it carries is
 * identifiable or pseudonymised, or it opens interactive access to a system (which shows
 * the record whatever `data` lists). Says nothing about who the sender is.
 */
export function carriesPatientData(a: Agreement, flow: Flow): boolean {
  return flow.access?.mode === 'live_system_access' || flowData(a, flow).some(isIdentifying);
}

/**
 * The agreement shares personal data at all. Only an agreement whose declared data is all
 * anonymised or aggregate (and that opens no live access) does not; one that declares no
 * data yet counts, to be safe.
 */
export function sharesPersonalData(a: Agreement): boolean {
  const data = a.data ?? [];
  return data.length === 0 || data.some(isIdentifying) || (a.flows ?? []).some((f) => f.access?.mode === 'live_system_access');
}

// ---------------------------------------------------------------------------------------
// Access scope (the motivating case: whole-system access)

/** The flow shares the whole record rather than named items. */
export function sharesAllFields(a: Agreement, flow: Flow): boolean {
  if (flowData(a, flow).some(isWholeRecord)) return true;
  return flow.access?.mode === 'live_system_access' && (flow.data ?? []).length === 0;
}

/**
 * Every patient covered has died (`vital_status: deceased`). UK GDPR and the DPA 2018 do not
 * apply to the records of the dead; the common-law duty of confidentiality still does.
 */
export function coversOnlyDeceased(a: Agreement): boolean {
  return a.population?.vital_status === 'deceased';
}

/** The population is every registered patient, or not bounded at all. */
export function coversAllPatients(a: Agreement): boolean {
  const population = a.population;
  if (!population) return false;
  if (population.scope === 'all_registered') return true;
  return population.scope === 'defined_cohort' && (population.inclusion_criteria ?? []).length === 0;
}

/** Interactive access to the source system that stays open rather than per case. */
export function isStandingLiveAccess(flow: Flow): boolean {
  const access = flow.access;
  if (access?.mode !== 'live_system_access') return false;
  const openEnded = access.duration === 'standing' || (access.duration === undefined && access.end === undefined && access.window === undefined);
  return openEnded && access.trigger !== 'per_case';
}

// ---------------------------------------------------------------------------------------
// Bases

export function commonLawBasisOf(purpose: Purpose | undefined) {
  const value = purpose?.lawful_basis?.common_law;
  return value ? COMMON_LAW_BASIS.get(value) : undefined;
}

/** The law the agreement is judged under: as declared, else by its effective date. */
export function isPostDuaa(a: Agreement): boolean {
  if (a.legal_framework) return a.legal_framework === 'uk_gdpr_post_duaa_2026';
  const from = a.dates?.effective_from;
  return from !== undefined && from >= DUAA_COMMENCEMENT;
}

// ---------------------------------------------------------------------------------------
// Amendments

export interface AddedPurpose {
  readonly purpose: Purpose;
  /** Its index in `purposes`. */
  readonly index: number;
  /** The version that added it: `added_in_version`, else that of the history entry listing it. */
  readonly version?: string;
  /** The index in `history` of the entry that lists it under `changes.added_purposes`. */
  readonly historyIndex?: number;
  /** When that version took effect, when the history says. */
  readonly date?: string;
}

/**
 * Purposes added after the agreement's first version: those with `added_in_version`, or listed
 * in a history entry's `changes.added_purposes`. A purpose dated to the earliest version in
 * `history` was there from the start. B4 (compatibility) and the sign-off rules share this so
 * that they agree on what is new.
 */
export function addedPurposes(a: Agreement): AddedPurpose[] {
  const history = a.history ?? [];
  const first = history.reduce<string | undefined>((min, h) => (h.version !== undefined && (min === undefined || compareVersions(h.version, min) < 0) ? h.version : min), undefined);
  const later = (version: string | undefined): boolean => version === undefined || first === undefined || compareVersions(version, first) > 0;
  return (a.purposes ?? []).flatMap((purpose, index) => {
    const historyIndex = history.findIndex((h) => (h.changes?.added_purposes ?? []).includes(purpose.id) && later(h.version));
    const declared = purpose.added_in_version !== undefined && later(purpose.added_in_version);
    if (!declared && historyIndex < 0) return [];
    const version = declared ? purpose.added_in_version : history[historyIndex]?.version;
    const entry = version === undefined ? history[historyIndex] : history.find((h) => h.version !== undefined && compareVersions(h.version, version) === 0);
    return [{ purpose, index, ...(version !== undefined ? { version } : {}), ...(historyIndex >= 0 ? { historyIndex } : {}), ...(entry?.date ? { date: entry.date } : {}) }];
  });
}

// ---------------------------------------------------------------------------------------
// Sign-off

/** A party's approvals in one sign-off role, with their index in `approvals`. */
export function approvalsBy(a: Agreement, partyId: string, role: SignoffRole): { approval: Approval; index: number }[] {
  return (a.approvals ?? []).flatMap((approval, index) => (approval.party === partyId && approval.role === role ? [{ approval, index }] : []));
}

/** Of some approvals, the one naming the highest version; else, when none names a version, the last listed. */
export function latestApproval<T extends { approval: Approval }>(found: readonly T[]): T | undefined {
  const versioned = found.filter((f) => f.approval.version !== undefined);
  if (versioned.length === 0) return found.at(-1);
  return versioned.reduce((best, f) => (compareVersions(f.approval.version!, best.approval.version!) > 0 ? f : best));
}

/**
 * The approval is of the agreement's current version. When the agreement has no version any
 * approval counts; when it has one, an approval that names no version does not.
 */
export function approvesCurrentVersion(a: Agreement, approval: Approval): boolean {
  if (a.version === undefined) return true;
  return approval.version !== undefined && compareVersions(approval.version, a.version) === 0;
}

// ---------------------------------------------------------------------------------------
// Versions, dates and durations

/** Compare dotted version numbers: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** An ISO 8601 duration's parts (the type lives with its wording, in words.ts). */
export type Duration = DurationParts;

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parse an ISO 8601 duration; undefined for anything else (including "indefinite"). */
export function parseDuration(text: string | undefined): Duration | undefined {
  if (!text) return undefined;
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const n = (i: number): number => Number(m[i] ?? 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** A duration in hours, counting a day as 24 hours, a month as 30 days and a year as 365. */
export function durationHours(d: Duration): number {
  return ((d.years * 365 + d.months * 30 + d.weeks * 7 + d.days) * 24) + d.hours + d.minutes / 60 + d.seconds / 3600;
}

/** A duration in whole months, for comparing retention periods (days and smaller ignored). */
export function durationMonths(d: Duration): number {
  return d.years * 12 + d.months + Math.floor((d.weeks * 7 + d.days) / 30);
}

export { durationInWords } from './words.js';

/**
 * Compare two durations by calendar length: negative when a is shorter, 0 when equal. Both
 * are counted from 1 January 2001, so twelve months equal a year, P1M is 31 days and the
 * answer never depends on the run date. Hours, minutes and seconds count too.
 */
export function compareDurations(a: Duration, b: Duration): number {
  const split = (d: Duration): [string, number] => {
    const subDay = d.hours + d.minutes / 60 + d.seconds / 3600;
    const end = addDuration('2001-01-01', { ...d, days: d.days + Math.floor(subDay / 24), hours: 0, minutes: 0, seconds: 0 });
    return [end, subDay % 24];
  };
  const [ea, ra] = split(a);
  const [eb, rb] = split(b);
  return ea < eb ? -1 : ea > eb ? 1 : ra - rb;
}

/** Add a duration's calendar parts to a YYYY-MM-DD date. */
export function addDuration(date: string, d: Duration): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCFullYear(t.getUTCFullYear() + d.years, t.getUTCMonth() + d.months, t.getUTCDate() + d.weeks * 7 + d.days);
  return t.toISOString().slice(0, 10);
}

/** Whole days from a to b (b later is positive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Whole calendar months from a to b, rounding down. */
export function monthsBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  return (by - ay) * 12 + (bm - am) - (bd < ad ? 1 : 0);
}
