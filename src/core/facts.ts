/**
 * Shared facts about an agreement that many rules ask: which purposes are direct care,
 * what a flow carries, who receives it, whether it is whole-system access, and date and
 * duration arithmetic. Rules use these rather than re-deriving them, so that two rules
 * never disagree about what "direct care" or "standing live access" means.
 */
import type {
  Agreement,
  AgreementKind,
  Approval,
  DataItem,
  Flow,
  HistoryEntry,
  InheritableSection,
  Party,
  PartyRole,
  Population,
  Purpose,
  RetentionEntry,
  SignoffRole,
} from '../generated/agreement.js';
import type { Path } from './locate.js';
import { add } from 'date-fns/add';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { UTCDateMini } from '@date-fns/utc/date/mini';
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
import { digestOf, isDigest, sameDigest } from './digest.js';

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

/**
 * The index in `item.categories` of the first known category that matches, or -1. Rules
 * point a finding at that entry; this keeps the look-up and the index written once.
 */
export function categoryIndex(item: DataItem, pred: (c: DataCategory) => boolean | undefined): number {
  return (item.categories ?? []).findIndex((value) => {
    const category = DATA_CATEGORY.get(value);
    return category !== undefined && pred(category);
  });
}

/**
 * Words that describe a kind of organisation or a role rather than name one. A party name made only
 * of these ("Provider", "Housing (local authority)", "The Practice") identifies no legal entity.
 */
export const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set(
  (
    'the a an of and for & provider providers recipient recipients controller controllers processor processors partner partners party parties ' +
    'organisation organisations organization organizations practice practices gp gps surgery general medical council local authority authorities ' +
    'housing department directorate team service services trust trusts nhs foundation hospital hospitals clinic icb ccg board integrated care ' +
    'commissioning support unit police force social adult adults children childrens children\'s health public safeguarding medical examiner ' +
    'office pharmacy community primary network pcn federation hospice charity supplier contractor company ltd limited plc body agency research ' +
    'university data sharing lead body bodies dept'
  ).split(/\s+/),
);

/** The words of an organisation name, lower case, with a bracketed part ("Housing (local authority)") read as words. */
export function nameWords(name: string): string[] {
  return name.toLowerCase().replace(/\([^)]*\)/g, (m) => ` ${m.slice(1, -1)} `).split(/[^a-z0-9']+/).filter(Boolean);
}

/** A name made only of generic words ("Provider", "The Practice", "Housing (local authority)"): it names no legal entity. */
export function isGenericName(name: string): boolean {
  const w = nameWords(name);
  return w.length > 0 && w.every((word) => GENERIC_NAME_WORDS.has(word));
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
 * A party's role for one purpose: the purpose's `roles` entry for it, else its role under
 * `parties` (a party can be a controller for one purpose and a processor for another).
 */
export function roleFor(party: Party | undefined, purpose: Purpose | undefined): PartyRole | undefined {
  return purpose?.roles?.find((r) => r.party === party?.id)?.role ?? party?.role;
}

/** Whether the party is a controller (or joint controller) for at least one of the purposes; for none given, by its own role. */
export function isControllerFor(party: Party | undefined, purposes: readonly Purpose[]): boolean {
  if (purposes.length === 0) return isController(party);
  return purposes.some((p) => {
    const role = roleFor(party, p);
    return role === undefined || role === 'controller' || role === 'joint_controller';
  });
}

/** Whether the party acts only as a processor (or sub-processor) for every one of the purposes; for none given, by its own role. */
export function isProcessorFor(party: Party | undefined, purposes: readonly Purpose[]): boolean {
  if (purposes.length === 0) return isProcessor(party);
  return purposes.every((p) => {
    const role = roleFor(party, p);
    return role === 'processor' || role === 'sub_processor';
  });
}

/**
 * Where the agreement gives a party a role for some purpose: its `role` under `parties`, then
 * each purpose's `roles` entry for it, with the path of each. Rules that ask "is this party
 * ever a processor (or joint controller)?" read every one.
 */
export function rolesOf(a: Agreement, partyIndex: number): { role: PartyRole; path: Path }[] {
  const party = a.parties?.[partyIndex];
  if (!party) return [];
  const out: { role: PartyRole; path: Path }[] = party.role ? [{ role: party.role, path: ['parties', partyIndex, 'role'] }] : [];
  (a.purposes ?? []).forEach((purpose, p) =>
    (purpose.roles ?? []).forEach((entry, r) => {
      if (entry.party === party.id) out.push({ role: entry.role, path: ['purposes', p, 'roles', r, 'role'] });
    }),
  );
  return out;
}

/**
 * A health or care body: its organisation type says it provides or commissions health or
 * adult social care (GP practices, trusts, hospices, dental practices, pharmacies...). A party
 * with no organisation type, or a non-health type (a council, DWP, a housing provider), is
 * never treated as one: rules do not ask it for a Caldicott Guardian or treat what it sends
 * as confidential patient information.
 */
export function isHealthOrCareBody(party: Party | undefined): boolean {
  return orgTypeOf(party)?.healthOrCare === true;
}

/** The party stands for a group of organisations ("every member practice", "any signatory"). */
export function isPartyGroup(party: Party | undefined): boolean {
  return party?.group !== undefined;
}

/**
 * A group that names nobody: no members listed, no count (or a count of 0) and not "every
 * signatory". Such a group cannot be party to anything.
 */
export function isEmptyGroup(party: Party): boolean {
  const group = party.group;
  if (!group || group.any_signatory === true) return false;
  const listed = (group.members ?? []).length;
  if (group.count !== undefined) return group.count === 0 && listed === 0;
  return listed === 0;
}

/** A group of every signatory of the protocol: it stands for each party, whoever they are. */
export function isSignatoryGroup(party: Party | undefined): boolean {
  return party?.group?.any_signatory === true;
}

function sameOrganisation(member: { name: string; ods_code?: string }, party: Party): boolean {
  if (member.ods_code !== undefined && party.ods_code !== undefined) return member.ods_code === party.ods_code;
  return member.name.trim().toLowerCase() === party.name.trim().toLowerCase();
}

/**
 * Whether something said of `partyRef` (a retention entry's party, say) applies to `party`:
 * it names the party itself, a group of every signatory, or a group that lists it as a member.
 */
export function appliesToParty(a: Agreement, partyRef: string | undefined, party: Party): boolean {
  if (partyRef === undefined) return false;
  if (partyRef === party.id) return true;
  const group = partyById(a, partyRef)?.group;
  if (!group) return false;
  return group.any_signatory === true || (group.members ?? []).some((m) => sameOrganisation(m, party));
}

/** Whether `party` is one of `among`: by id, ODS code or name, or as a member of one of its groups (a group of every signatory takes anyone). */
export function isAmongParties(party: Party, among: readonly Party[]): boolean {
  return among.some((p) => p.id === party.id || sameOrganisation(p, party) || p.group?.any_signatory === true || (p.group?.members ?? []).some((m) => sameOrganisation(m, party)));
}

// ---------------------------------------------------------------------------------------
// Kinds and frameworks

/** What sort of document the agreement is; a data sharing agreement when it does not say. */
export function kindOf(a: Agreement): AgreementKind {
  return a.kind ?? 'sharing_agreement';
}

/** A template or model agreement: checked for completeness, never for signatures. */
export function isTemplate(a: Agreement): boolean {
  return a.kind === 'template';
}

/** An overarching protocol: common standards for many signatories, with no flows of its own. */
export function isOverarchingProtocol(a: Agreement): boolean {
  return a.kind === 'overarching_protocol';
}

/** The sections the agreement says it takes from the protocol it sits under. */
export function inheritedSections(a: Agreement): readonly InheritableSection[] {
  return a.framework?.inherits ?? [];
}

/** The agreement takes this section from its overarching protocol rather than writing it out. */
export function inherits(a: Agreement, section: InheritableSection): boolean {
  return inheritedSections(a).includes(section);
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

/** Flows that carry a given data item. */
export function flowsCarrying(a: Agreement, dataId: string): Flow[] {
  return (a.flows ?? []).filter((f) => (f.data ?? []).includes(dataId));
}

/** Flows that serve a given purpose. */
export function flowsFor(a: Agreement, purposeId: string): Flow[] {
  return (a.flows ?? []).filter((f) => (f.purposes ?? []).includes(purposeId));
}

/** Flows that serve a given purpose, each with its index in `flows`, for rules that point at the flow. */
export function flowsForIndexed(a: Agreement, purposeId: string): { flow: Flow; index: number }[] {
  return (a.flows ?? []).flatMap((flow, index) => ((flow.purposes ?? []).includes(purposeId) ? [{ flow, index }] : []));
}

/**
 * The parties that rely on a purpose's legal bases and conditions: its owner, else whoever
 * discloses for it. The Art 6 and Art 9 rules share this so they blame the same parties.
 */
export function relyingParties(a: Agreement, purpose: Purpose): string[] {
  if (purpose.owner !== undefined) return [purpose.owner];
  return [...new Set(flowsFor(a, purpose.id).flatMap((f) => (f.from === undefined ? [] : [f.from])))];
}

// ---------------------------------------------------------------------------------------
// Data

/**
 * Personal data as shared, whatever the label says: labelled identifiable or pseudonymised (still
 * personal data), unlabelled (the cautious reading), or labelled anonymised or aggregate while
 * carrying a direct identifier (NHS number, name, date of birth, address and full postcode,
 * contact details). Every rule reads this, so a label alone cannot buy a pass; the contradiction
 * itself is reported by label-contradicts-content.
 */
export function isIdentifying(item: DataItem): boolean {
  if (item.identifiability === undefined || item.identifiability === 'identifiable' || item.identifiability === 'pseudonymised') return true;
  return directIdentifiers(item).length > 0;
}

/**
 * Identifiable as shared: labelled identifiable (or unlabelled), or labelled anonymised or
 * aggregate while carrying direct identifiers. Pseudonymised data is not, unless it keeps an
 * identifier a pseudonym replaces (NHS number, name, address, contact details).
 */
export function isEffectivelyIdentifiable(item: DataItem): boolean {
  if (item.identifiability === undefined || item.identifiability === 'identifiable') return true;
  const identifiers = directIdentifiers(item);
  if (item.identifiability === 'pseudonymised') return identifiers.some((i) => REPLACED_BY_PSEUDONYM.has(i.value));
  return identifiers.length > 0;
}

/** Identifiers a pseudonymised extract replaces with a pseudonym. A date of birth may stay (it is still personal data). */
export const REPLACED_BY_PSEUDONYM: ReadonlySet<string> = new Set(['nhs_number', 'name', 'address_postcode', 'contact_details']);

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
 * disclosed by a health or adult social care organisation. A sender with no organisation
 * type, or a non-health one, does not count (see isHealthOrCareBody).
 */
export function carriesConfidentialPatientInformation(a: Agreement, flow: Flow): boolean {
  if (!isHealthOrCareBody(partyById(a, flow.from))) return false;
  return flowData(a, flow).some((d) => isIdentifying(d) && carriesHealthInformation(d));
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
  return liveAccessUnlisted(flow);
}

/**
 * Live access to the source system with no data listed: the recipient sees whatever the
 * system shows. One half of sharesAllFields, which all-fields-scope also reports on its own.
 */
export function liveAccessUnlisted(flow: Flow): boolean {
  return flow.access?.mode === 'live_system_access' && (flow.data ?? []).length === 0;
}

/**
 * Where a flow's data names the whole record: each `full_record`-style category entry. Both
 * all-fields-scope and whole-system-access point at these, so it lives here, not in a rule.
 */
export function wholeRecordEntries(a: Agreement, flow: Flow): Path[] {
  return (flow.data ?? []).flatMap((id) => {
    const index = indexOfData(a, id);
    const item = a.data?.[index];
    return (item?.categories ?? []).flatMap((category, c) => (DATA_CATEGORY.get(category)?.wholeRecord ? [['data', index, 'categories', c] satisfies Path] : []));
  });
}

/**
 * Whose records a purpose covers: its own `population` when it states one, else the
 * agreement's. A purpose's population replaces the agreement-wide one; it is not merged.
 */
export function populationFor(a: Agreement, purpose: Purpose | undefined): Population | undefined {
  return purpose?.population ?? a.population;
}

/** Where the population a purpose uses is written: the purpose's own, else the agreement's. */
export function populationPathFor(a: Agreement, purpose: Purpose | undefined): Path {
  const index = purpose === undefined ? -1 : (a.purposes ?? []).indexOf(purpose);
  return purpose?.population !== undefined && index >= 0 ? ['purposes', index, 'population'] : ['population'];
}

/**
 * Every population the agreement states, each with where it is written and the purposes it
 * covers: the agreement-wide one (for purposes without their own), then each purpose's own.
 * Rules that judge a population judge each of these on its own.
 */
export function populations(a: Agreement): { population: Population; path: Path; purposes: Purpose[] }[] {
  const purposes = a.purposes ?? [];
  const out: { population: Population; path: Path; purposes: Purpose[] }[] = [];
  if (a.population) out.push({ population: a.population, path: ['population'], purposes: purposes.filter((p) => p.population === undefined) });
  purposes.forEach((p, i) => {
    if (p.population) out.push({ population: p.population, path: ['purposes', i, 'population'], purposes: [p] });
  });
  return out;
}

/**
 * Every patient covered has died (`vital_status: deceased`). UK GDPR and the DPA 2018 do not
 * apply to the records of the dead; the common-law duty of confidentiality still does. With
 * purposes given, asks of the populations those purposes use (every one of them must be
 * deceased); without, of every population the agreement states.
 */
export function coversOnlyDeceased(a: Agreement, purposes?: readonly Purpose[]): boolean {
  const stated = purposes === undefined ? populations(a).map((p) => p.population) : purposes.map((p) => populationFor(a, p));
  return stated.length > 0 && stated.every((p) => p?.vital_status === 'deceased');
}

/** The population is every registered patient, or not bounded at all. */
export function coversAllPatients(a: Agreement, population: Population | undefined = a.population): boolean {
  if (!population) return false;
  if (population.scope === 'all_registered') return true;
  return population.scope === 'defined_cohort' && (population.inclusion_criteria ?? []).length === 0;
}

/** The three ways access reaches past one case: the whole record, every patient, standing live access. */
export interface AccessBreadth {
  readonly allFields: boolean;
  readonly allPatients: boolean;
  readonly standing: boolean;
}

/**
 * Whole-system access: at least two of the whole record, every patient and standing live
 * access. The single-agreement rule judges one flow; the across-agreements rule judges the
 * union of what one recipient gets under all its agreements.
 */
export function isWholeSystem(breadth: AccessBreadth): boolean {
  return [breadth.allFields, breadth.allPatients, breadth.standing].filter(Boolean).length >= 2;
}

/**
 * The access in words, such as "standing live access to the whole record of every registered
 * patient"; `allRegistered` says whether "every patient" is the registered list or an
 * unbounded cohort.
 */
export function accessScopeWords(breadth: AccessBreadth, allRegistered: boolean): string {
  const every = breadth.allPatients ? (allRegistered ? ' of every registered patient' : ' of every patient (the cohort has no inclusion criteria)') : '';
  return `${breadth.standing ? 'standing live access to ' : ''}${breadth.allFields ? 'the whole record' : 'the listed data'}${every}`;
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

/**
 * Every one of the purposes (and there is at least one) rests on explicit consent. The
 * restricted-category rules (HFEA, sexual health) let such a disclosure through alike.
 */
export function allOnExplicitConsent(purposes: readonly Purpose[]): boolean {
  return purposes.length > 0 && purposes.every((p) => p.lawful_basis?.common_law === 'explicit_consent');
}

/** The law the agreement is judged under: as declared, else by its effective date. */
export function isPostDuaa(a: Agreement): boolean {
  if (a.legal_framework) return a.legal_framework === 'uk_gdpr_post_duaa_2026';
  const from = firstDayOf(a.dates?.effective_from);
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
 * `history` was there from the start. With the earlier version's data (`lint --base`), a purpose
 * it did not have is added too, whatever the agreement says. B4 (compatibility) and the sign-off
 * rules share this so that they agree on what is new.
 */
export function addedPurposes(a: Agreement, previous?: unknown): AddedPurpose[] {
  const history = a.history ?? [];
  const first = history.reduce<string | undefined>((min, h) => (h.version !== undefined && (min === undefined || compareVersions(h.version, min) < 0) ? h.version : min), undefined);
  const later = (version: string | undefined): boolean => version === undefined || first === undefined || compareVersions(version, first) > 0;
  const before = purposeIdsOf(previous);
  return (a.purposes ?? []).flatMap((purpose, index) => {
    const historyIndex = history.findIndex((h) => (h.changes?.added_purposes ?? []).includes(purpose.id) && later(h.version));
    const declared = purpose.added_in_version !== undefined && later(purpose.added_in_version);
    if (before && !before.has(purpose.id) && !declared && historyIndex < 0) {
      // New since the base version, whatever the agreement says: added in this version.
      const entry = a.version === undefined ? undefined : history.find((h) => h.version !== undefined && compareVersions(h.version, a.version!) === 0);
      return [{ purpose, index, ...(a.version !== undefined ? { version: a.version } : {}), ...(entry?.date ? { date: entry.date } : {}) }];
    }
    if (!declared && historyIndex < 0) return [];
    const version = declared ? purpose.added_in_version : history[historyIndex]?.version;
    const entry = version === undefined ? history[historyIndex] : history.find((h) => h.version !== undefined && compareVersions(h.version, version) === 0);
    return [{ purpose, index, ...(version !== undefined ? { version } : {}), ...(historyIndex >= 0 ? { historyIndex } : {}), ...(entry?.date ? { date: entry.date } : {}) }];
  });
}

/** The purpose ids of an earlier version's data (`lint --base`); undefined when there is none to compare with. */
function purposeIdsOf(previous: unknown): Set<string> | undefined {
  if (typeof previous !== 'object' || previous === null) return undefined;
  const list = (previous as { purposes?: unknown }).purposes;
  return new Set(Array.isArray(list) ? list.flatMap((p) => (typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'string' ? [(p as { id: string }).id] : [])) : []);
}

/**
 * What a history entry changed that is material (added purposes, data or parties, a wider
 * population, changed access), in words; empty when nothing material, or when the entry
 * says the version is not material (wording or narrowing only). The DPIA and the
 * fresh sign-off rules share this so that they agree on what counts as a material change.
 */
export function materialChanges(entry: HistoryEntry): string[] {
  const c = entry.changes;
  if (!c || entry.material === false) return [];
  const out: string[] = [];
  const list = (ids: readonly string[] | undefined, what: string): void => {
    if (ids && ids.length > 0) out.push(`added ${what} ${ids.map((id) => `"${id}"`).join(', ')}`);
  };
  list(c.added_purposes, c.added_purposes?.length === 1 ? 'the purpose' : 'the purposes');
  list(c.added_data, 'the data');
  list(c.added_parties, c.added_parties?.length === 1 ? 'the party' : 'the parties');
  if (c.widened_population) out.push('widened the population');
  if (c.changed_access) out.push('changed how the data is accessed');
  return out;
}

// ---------------------------------------------------------------------------------------
// Sign-off

/**
 * The `{{versionHint}}` text of a sign-off message: `, version: X` for the agreement's
 * version, or nothing when it has none. The Caldicott and DPO rules word the fix alike.
 */
export function versionHint(a: Agreement): string {
  return a.version === undefined ? '' : `, version: ${a.version}`;
}

/**
 * The first flow in which a party discloses confidential patient information as a controller for
 * the flow's purposes (-1 when none): its Caldicott Guardian must sign off. A party can be a
 * processor for some purposes only.
 */
export function caldicottDisclosureIndex(a: Agreement, party: Party): number {
  return (a.flows ?? []).findIndex((f) => f.from === party.id && isControllerFor(party, flowPurposes(a, f)) && carriesConfidentialPatientInformation(a, f));
}

/**
 * A controller that is a public authority must have a Data Protection Officer review the agreement
 * (UK GDPR Art 37(1)(a)); a court acting in its judicial capacity (a coroner) need not have one.
 */
export function needsDpoReview(party: Party): boolean {
  return isController(party) && isPublicAuthority(party) && !orgTypeOf(party)?.judicial;
}

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
 * How an approval stands against the agreement as it is now:
 * - `covers`: it records the current content's digest; or it names the current version
 *   (without a digest); or it names an earlier version and `history` marks every version
 *   since `material: false`; or the agreement has no version and it has no digest;
 * - `other-content`: it records a digest of different content;
 * - `bad-digest`: its digest is not 64 hexadecimal characters;
 * - `other-version`: it names a version that is not the current one;
 * - `unversioned`: it names no version and no digest, and the agreement has a version.
 */
export type ApprovalStanding = 'covers' | 'other-content' | 'bad-digest' | 'other-version' | 'unversioned';

export function approvalStanding(a: Agreement, approval: Approval): ApprovalStanding {
  if (approval.digest !== undefined) {
    if (!isDigest(approval.digest)) return 'bad-digest';
    if (sameDigest(approval.digest, digestOf(a))) return 'covers';
    // Content changed since: still covered when history marks every later version not material.
    const since = approval.version;
    return since !== undefined && a.version !== undefined && compareVersions(since, a.version) < 0 && onlyEditorialSince(a, since) ? 'covers' : 'other-content';
  }
  if (a.version === undefined) return 'covers';
  if (approval.version === undefined) return 'unversioned';
  const order = compareVersions(approval.version, a.version);
  if (order === 0) return 'covers';
  return order < 0 && onlyEditorialSince(a, approval.version) ? 'covers' : 'other-version';
}

/** The approval covers the agreement as it now stands (see `approvalStanding`). */
export function approvesCurrentVersion(a: Agreement, approval: Approval): boolean {
  return approvalStanding(a, approval) === 'covers';
}

/**
 * Every version after `since`, up to and including the current one, is in `history` marked
 * `material: false`: wording or narrowing only, so an approval of `since` still holds.
 */
export function onlyEditorialSince(a: Agreement, since: string): boolean {
  if (a.version === undefined) return false;
  const later = (a.history ?? []).filter((h) => h.version !== undefined && compareVersions(h.version, since) > 0 && compareVersions(h.version, a.version!) <= 0);
  return later.some((h) => compareVersions(h.version!, a.version!) === 0) && later.every((h) => h.material === false);
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

/**
 * Agreement dates may be given to the month only (`2016-04`) when that is all an old document
 * says. `firstDayOf` reads such a date as the month's first day (for when something starts);
 * `lastDayOf` as its last day (for when something ends or is due). Full dates pass through.
 */
export function firstDayOf(date: string): string;
export function firstDayOf(date: string | undefined): string | undefined;
export function firstDayOf(date: string | undefined): string | undefined {
  return date !== undefined && /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date;
}
export function lastDayOf(date: string): string;
export function lastDayOf(date: string | undefined): string | undefined;
export function lastDayOf(date: string | undefined): string | undefined {
  if (date === undefined || !/^\d{4}-\d{2}$/.test(date)) return date;
  return isoDate(lastDayOfMonth(calendarDate(`${date}-01`)));
}

/**
 * The last day the agreement is in force, when it has an end: `dates.expires` (a month meaning
 * its last day), else the end of a fixed `initial_term` counted from `effective_from` when the
 * agreement does not renew. Undefined for an open-ended or renewing agreement.
 */
export function agreementEnd(a: Agreement): string | undefined {
  const dates = a.dates;
  if (dates?.expires !== undefined) return lastDayOf(dates.expires);
  if (dates?.renewal === 'automatic' || dates?.renewal === 'on_review') return undefined;
  const term = parseDuration(dates?.initial_term);
  const from = firstDayOf(dates?.effective_from);
  if (!term || from === undefined) return undefined;
  return addDuration(addDuration(from, term), { years: 0, months: 0, weeks: 0, days: -1, hours: 0, minutes: 0, seconds: 0 });
}

/** The agreement states how long it lasts: an end date, a fixed term, or how it renews. */
export function hasTerm(a: Agreement): boolean {
  const dates = a.dates;
  return dates?.expires !== undefined || dates?.initial_term !== undefined || (dates?.renewal !== undefined && dates.renewal !== 'none');
}

/**
 * A YYYY-MM-DD date as a date-fns date in UTC, so neither the computer's time zone nor its
 * daylight saving can move the day. (A UTC date without the Intl formatters of the full
 * UTCDate, which cost start-up time.) setFullYear keeps years 0-99 as written.
 */
function calendarDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const d = new UTCDateMini(0);
  d.setFullYear(year, month - 1, day);
  return d;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Add a duration's calendar parts to a YYYY-MM-DD date, as Temporal.PlainDate.add does (and
 * date-fns `add`): years and months first, the day kept within the month reached (31 January
 * + P1M is 28 February, not 3 March), then weeks and days. Hours and smaller are ignored.
 */
export function addDuration(date: string, d: Duration): string {
  return isoDate(add(calendarDate(date), { years: d.years, months: d.months, weeks: d.weeks, days: d.days }));
}

// ---------------------------------------------------------------------------------------
// Retention

/** How messages name a retention entry: its 1-based number, then its party in brackets when it names one. */
export function retentionEntryLabel(entry: RetentionEntry, i: number): string {
  return `${i + 1}${entry.party ? ` (${entry.party})` : ''}`;
}

// ---------------------------------------------------------------------------------------
// Labels against content

/** Data categories that identify a person directly (NHS number, name, date of birth, address and postcode, contact details). */
export function directIdentifiers(item: DataItem): { value: string; index: number; label: string }[] {
  return (item.categories ?? []).flatMap((value, index) => {
    const category = DATA_CATEGORY.get(value);
    return category?.identifier ? [{ value, index, label: category.label }] : [];
  });
}

/** The item carries health or care information: a special category, or information about or from other people in a record. */
export function carriesHealthInformation(item: DataItem): boolean {
  return dataCategoriesOf(item).some((c) => c.special || c.thirdParty);
}

/** The data items a purpose uses: those its flows carry, and those that list it. */
export function purposeData(a: Agreement, purpose: Purpose): { item: DataItem; index: number }[] {
  const ids = new Set([...flowsFor(a, purpose.id).flatMap((f) => f.data ?? []), ...(a.data ?? []).filter((d) => (d.purposes ?? []).includes(purpose.id)).map((d) => d.id)]);
  return (a.data ?? []).flatMap((item, index) => (ids.has(item.id) ? [{ item, index }] : []));
}

/**
 * Identifiable (or unstated) health information that a purpose uses, for which `not_confidential`
 * cannot be true: the duty of confidence attaches to it. Pseudonymised data is left to judgement.
 */
export function confidentialItemFor(a: Agreement, purpose: Purpose): { item: DataItem; index: number } | undefined {
  return purposeData(a, purpose).find(({ item }) => isEffectivelyIdentifiable(item) && carriesHealthInformation(item));
}

/**
 * Whether the purpose's common-law basis can be relied on as stated. Two are rejected by other
 * rules and so cannot exempt anything: implied consent for a purpose beyond individual care, and
 * `not_confidential` on identifiable health information. The opt-out rule asks this so that it
 * never advises on the strength of a basis another rule reports.
 */
export function commonLawBasisHolds(a: Agreement, purpose: Purpose): boolean {
  const basis = purpose.lawful_basis?.common_law;
  if (basis === 'implied_consent') return isDirectCare(purpose);
  if (basis === 'not_confidential') return confidentialItemFor(a, purpose) === undefined;
  return basis !== undefined;
}

/** Criminal offence data (UK GDPR Art 10): allegations, proceedings or convictions. */
export function isCriminalOffenceData(item: DataItem): boolean {
  return (item.categories ?? []).some((c) => c === 'criminal_offence_data');
}

/** A date some days after another, both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return addDuration(date, { years: 0, months: 0, weeks: 0, days, hours: 0, minutes: 0, seconds: 0 });
}

/** "1 day" or "N days" from one date to a later one, for messages about things coming up. */
export function daysBetween(from: string, to: string): string {
  const days = differenceInCalendarDays(calendarDate(to), calendarDate(from));
  return days === 1 ? '1 day' : `${days} days`;
}

// ---------------------------------------------------------------------------------------
// What a purpose's words say it is

/** The broad kinds of use that need different bases and must not be bundled under one. */
export type UseClass = 'direct care' | 'research' | 'law enforcement' | 'planning' | 'commercial use';

const USE_CLASS_WORDS: readonly [UseClass, RegExp][] = [
  ['direct care', /\b(?:direct|individual)\s+care\b|\b(?:treat(?:ing|ment)?|diagnos(?:is|e|ing)|clinical\s+care|care\s+of\s+the\s+patient|caring\s+for\s+(?:the\s+)?patients?)\b/i],
  ['research', /\bresearch\b|\bclinical\s+trials?\b|\bstud(?:y|ies)\b/i],
  ['law enforcement', /\bpolice\b|\bcrim(?:e|es|inal)\b|\blaw\s+enforcement\b|\bprosecut\w*\b|\boffen(?:ce|ces|ders?)\b/i],
  ['planning', /\b(?:service\s+)?planning\b|\bcommissioning\b|\binvoice\s+validation\b|\bperformance\s+management\b/i],
  ['commercial use', /\bcommercial\b|\bmarketing\b|\binsurance\b|\bproduct\s+development\b|\bsell(?:ing)?\b/i],
];

/** The kinds of use a purpose's description names, in words. */
export function useClassesNamed(description: string | undefined): UseClass[] {
  if (!description) return [];
  return USE_CLASS_WORDS.filter(([, re]) => re.test(description)).map(([c]) => c);
}

/** The kind of use a purpose's category is, where it is one of the classes. */
export function useClassOf(purpose: Purpose): UseClass | undefined {
  const category = purposeCategoryOf(purpose);
  if (!category) return undefined;
  if (category.careType === 'direct') return 'direct care';
  if (category.value === 'research') return 'research';
  if (category.value === 'law_enforcement') return 'law enforcement';
  if (category.commercial) return 'commercial use';
  if (category.value === 'planning_commissioning' || category.value === 'invoice_validation' || category.value === 'risk_stratification_commissioning') return 'planning';
  return undefined;
}
