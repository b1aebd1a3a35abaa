/**
 * Shared facts about an agreement that many rules ask: which purposes are direct care,
 * what a flow carries, who receives it, whether it is whole-system access, and date and
 * duration arithmetic. Rules use these rather than re-deriving them, so that two rules
 * never disagree about what "direct care" or "standing live access" means.
 */
import type { Agreement, DataItem, Flow, Party, Purpose } from '../generated/agreement.js';
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

// ---------------------------------------------------------------------------------------
// Access scope (the motivating case: whole-system access)

/** The flow shares the whole record rather than named items. */
export function sharesAllFields(a: Agreement, flow: Flow): boolean {
  if (flowData(a, flow).some(isWholeRecord)) return true;
  return flow.access?.mode === 'live_system_access' && (flow.data ?? []).length === 0;
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

export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

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
