/**
 * Agreements that sit under an overarching protocol (tiered agreements).
 *
 * A specific agreement names its protocol in `framework` and may take whole sections from
 * it (`framework.inherits`). When the protocol's file is among the paths being linted, it is
 * read through the same bounded loader as any agreement and its sections are merged into
 * the child before the rules run; when it is not, the rules that would judge an inherited
 * section are not run on the child (inherited is never the same as missing) and the
 * `framework-unresolved` rule says which checks could not run.
 *
 * Nothing outside the linted paths is read, not even to see whether it exists.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Agreement, InheritableSection, Purpose } from '../generated/agreement.js';
import type { SchemaValidator } from '../schema/validate.js';
import { parseYaml } from './parse.js';
import { readAgreementFile, type AgreementSource } from './source.js';

/** Why a protocol could not be used. */
export type FrameworkProblem =
  /** `framework` gives no `path`: nothing to load. */
  | 'no-path'
  /** The path is absolute or a web address: only a path relative to the agreement is followed. */
  | 'not-relative'
  /** The path leads outside the files being linted, so it was not read. */
  | 'not-linted'
  /** The path is inside the linted folders but there is no file there. */
  | 'not-found'
  /** The file could not be read, or is not a valid agreement. */
  | 'invalid'
  /** The file is an agreement with a different id from `framework.id`. */
  | 'id-mismatch'
  /** Following the protocols' own frameworks comes back to an agreement already visited. */
  | 'cycle';

export type FrameworkResolution =
  | {
      readonly status: 'loaded';
      /** The protocol, with its own inherited sections merged in from further up. */
      readonly parent: Agreement;
      /** The protocol's path as given in `framework.path`. */
      readonly path: string;
    }
  | {
      readonly status: 'unavailable';
      readonly problem: FrameworkProblem;
      readonly path?: string;
      /** Plain-English detail for the finding, such as the reader's error. */
      readonly detail?: string;
    };

/**
 * The rules whose whole subject is one inheritable section. When an agreement takes that
 * section from a protocol that could not be loaded, these rules do not run on it: the
 * section exists, just not in this file.
 */
export const RULES_JUDGING_SECTION: Readonly<Record<InheritableSection, readonly string[]>> = {
  lawful_basis: [
    'article6-basis-missing-or-invalid',
    'article9-without-dpa-schedule1-condition',
    'common-law-basis-missing',
    'special-category-without-article9',
    'secondary-use-on-direct-care-basis',
    'research-without-consent-or-s251',
    's251-approval-invalid',
    'deceased-records-basis',
    'national-data-opt-out-applicability',
    'art9h-recipient-not-under-secrecy',
    'gender-recognition-protected-information',
    'identifiable-where-deidentified-suffices',
    'marketing-or-commercial-use',
    'new-purpose-without-compatibility',
    'type1-opt-out-not-honoured',
  ],
  security: ['security-measures-missing', 'live-access-without-controls', 'free-text-or-third-party-unprotected'],
  breach: ['breach-clause-missing', 'breach-notification-window'],
  retention: ['retention-missing-or-indefinite', 'retention-exceeds-code-period', 'disposal-method-missing'],
  transparency: ['privacy-notice-missing', 'rights-and-objection-handling-missing'],
  dpia: ['dpia-missing-or-stale', 'vulnerable-cohort-secondary-use'],
  termination: ['disposal-method-missing'],
  joint_controller_arrangement: ['joint-controller-arrangement-missing'],
  international_transfers: ['international-transfer-without-mechanism'],
};

/** Top-level keys that hold each inheritable section (legal bases live inside each purpose). */
const SECTION_KEY: Readonly<Record<Exclude<InheritableSection, 'lawful_basis'>, keyof Agreement>> = {
  security: 'security',
  breach: 'breach',
  retention: 'retention',
  transparency: 'transparency',
  dpia: 'dpia',
  termination: 'termination',
  joint_controller_arrangement: 'joint_controller_arrangement',
  international_transfers: 'international_transfers',
};

/**
 * The inherited sections this agreement does not write out itself, so that only its protocol
 * can supply them. For legal bases: when some purpose has none of its own.
 */
export function sectionsNeedingParent(a: Agreement): InheritableSection[] {
  return (a.framework?.inherits ?? []).filter((section) =>
    section === 'lawful_basis' ? (a.purposes ?? []).some((p) => p.lawful_basis === undefined) : a[SECTION_KEY[section]] === undefined,
  );
}

/** The rules that cannot judge this agreement without its protocol, in a stable order. */
export function rulesNeedingParent(a: Agreement): string[] {
  return [...new Set(sectionsNeedingParent(a).flatMap((s) => RULES_JUDGING_SECTION[s]))].sort();
}

/** The protocol's purpose a child purpose takes its legal basis from: the same id, else the only one of the same category. */
function parentPurposeFor(parent: Agreement, purpose: Purpose): Purpose | undefined {
  const purposes = parent.purposes ?? [];
  const sameId = purposes.find((p) => p.id === purpose.id);
  if (sameId) return sameId;
  const sameCategory = purpose.category === undefined ? [] : purposes.filter((p) => p.category === purpose.category);
  return sameCategory.length === 1 ? sameCategory[0] : undefined;
}

export interface MergedAgreement {
  /** The child with the protocol's sections filled in where it inherits them. */
  readonly agreement: Agreement;
  /**
   * What now comes from the protocol, as path prefixes with the section that brought each in:
   * top-level sections, purposes' legal bases, and the protocol's parties those sections name.
   */
  readonly fromParent: readonly { readonly path: readonly (string | number)[]; readonly section: InheritableSection }[];
}

/**
 * The protocol's retention entries as they apply to the child: an entry names the protocol's
 * own data items, which the child does not have, so an entry whose data are all the
 * protocol's covers whatever the child shares.
 */
function retentionForChild(parent: Agreement, child: Agreement): Agreement['retention'] {
  const childData = new Set((child.data ?? []).map((d) => d.id));
  return (parent.retention ?? []).map((entry) => {
    const data = (entry.data ?? []).filter((id) => childData.has(id));
    if (data.length === (entry.data ?? []).length) return entry;
    const { data: _protocolData, ...rest } = entry;
    return data.length > 0 ? { ...rest, data } : rest;
  });
}

/** The party ids an inherited section names. */
function partiesNamedIn(section: InheritableSection, a: Agreement): string[] {
  switch (section) {
    case 'retention':
      return (a.retention ?? []).flatMap((e) => (e.party ? [e.party] : []));
    case 'breach':
      return [a.breach?.ico_notification_owner, a.breach?.data_subject_comms_owner].filter((id): id is string => id !== undefined);
    case 'transparency':
      return [...(a.transparency?.privacy_notices ?? []).map((n) => n.party), a.transparency?.rights_handled_by].filter((id): id is string => id !== undefined);
    case 'international_transfers':
      return (a.international_transfers ?? []).flatMap((t) => (t.to ? [t.to] : []));
    default:
      return [];
  }
}

/** Fill in the sections the child inherits and does not write itself, from its (already merged) protocol. */
export function mergeInherited(child: Agreement, parent: Agreement): MergedAgreement {
  const merged: Record<string, unknown> = { ...child };
  const fromParent: { path: (string | number)[]; section: InheritableSection }[] = [];
  const parties = [...(child.parties ?? [])];
  for (const section of child.framework?.inherits ?? []) {
    if (section === 'lawful_basis') {
      const purposes = (child.purposes ?? []).map((purpose, i) => {
        if (purpose.lawful_basis !== undefined) return purpose;
        const basis = parentPurposeFor(parent, purpose)?.lawful_basis;
        if (basis === undefined) return purpose;
        fromParent.push({ path: ['purposes', i, 'lawful_basis'], section });
        return { ...purpose, lawful_basis: basis };
      });
      if (child.purposes) merged['purposes'] = purposes;
      continue;
    }
    const key = SECTION_KEY[section];
    if (child[key] !== undefined || parent[key] === undefined) continue;
    merged[key] = section === 'retention' ? retentionForChild(parent, child) : parent[key];
    fromParent.push({ path: [key], section });
    // The protocol's parties that the section names ("every signatory") come with it, so that
    // what it says of them applies to the child's parties as the protocol intends.
    for (const id of partiesNamedIn(section, parent)) {
      if (parties.some((p) => p.id === id)) continue;
      const party = (parent.parties ?? []).find((p) => p.id === id);
      if (!party) continue;
      fromParent.push({ path: ['parties', parties.length], section });
      parties.push(party);
    }
  }
  if (parties.length > (child.parties ?? []).length) merged['parties'] = parties;
  return { agreement: merged as unknown as Agreement, fromParent };
}

/** How far up a chain of protocols is followed (a protocol under a regional framework under a national one). */
const MAX_DEPTH = 4;

export interface FrameworkLoadOptions {
  /** The files and folders being linted, as absolute paths: nothing outside them is read. */
  readonly roots: readonly string[];
  readonly maxFileSize: number;
  readonly validator: SchemaValidator;
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A web address, a Windows drive or an absolute path: not a path relative to the agreement. */
function notRelative(path: string): boolean {
  return isAbsolute(path) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) || path.startsWith('\\');
}

function frameworkOf(data: unknown): { id?: unknown; path?: unknown } | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const framework = (data as Record<string, unknown>)['framework'];
  return framework !== null && typeof framework === 'object' && !Array.isArray(framework) ? (framework as { id?: unknown; path?: unknown }) : undefined;
}

/**
 * Find and load the protocol an agreement names, following the protocol's own framework in
 * turn. Undefined when the agreement names no framework (or its `framework` is malformed,
 * which the schema reports).
 */
export async function resolveFramework(childAbsolute: string, childData: unknown, options: FrameworkLoadOptions): Promise<FrameworkResolution | undefined> {
  const framework = frameworkOf(childData);
  if (!framework) return undefined;
  const roots = await Promise.all(options.roots.map((r) => realpath(r).catch(() => r)));
  const start = await realpath(childAbsolute).catch(() => childAbsolute);
  return load(start, framework, options, roots, new Set([start]), 0);
}

async function load(
  fromAbsolute: string,
  framework: { id?: unknown; path?: unknown },
  options: FrameworkLoadOptions,
  roots: readonly string[],
  visited: Set<string>,
  depth: number,
): Promise<FrameworkResolution> {
  const path = framework.path;
  if (typeof path !== 'string' || path.trim() === '') return { status: 'unavailable', problem: 'no-path' };
  if (notRelative(path)) return { status: 'unavailable', problem: 'not-relative', path };
  const target = resolve(dirname(fromAbsolute), path);
  if (!roots.some((root) => isInside(root, target))) return { status: 'unavailable', problem: 'not-linted', path };
  const info = await lstat(target).catch(() => undefined);
  if (!info) return { status: 'unavailable', problem: 'not-found', path };
  // A link could lead anywhere: follow it only when where it leads is linted too.
  const real = await realpath(target).catch(() => undefined);
  if (!real || !roots.some((root) => isInside(root, real))) return { status: 'unavailable', problem: 'not-linted', path };
  if (visited.has(real)) return { status: 'unavailable', problem: 'cycle', path };
  // Only a regular file is opened: a folder, device or pipe is not a protocol (and a pipe could block).
  if (!(await stat(real).catch(() => undefined))?.isFile()) return { status: 'unavailable', problem: 'not-found', path };
  const read = await readAgreementFile(real, path, options.maxFileSize);
  if ('failure' in read) return { status: 'unavailable', problem: read.failure.code === 'unreadable' ? 'not-found' : 'invalid', path, detail: read.failure.message };
  const parsed = parseYaml(read.source.yamlText);
  if (parsed.data === undefined || !read.source.hasFrontMatter) return { status: 'unavailable', problem: 'invalid', path, detail: 'it could not be read as YAML' };
  const problems = options.validator.validate(parsed.data);
  if (problems.length > 0) return { status: 'unavailable', problem: 'invalid', path, detail: `it does not match the agreement format (${problems[0]!.message})` };
  let parent = parsed.data as Agreement;
  if (typeof framework.id === 'string' && parent.id !== framework.id) {
    return { status: 'unavailable', problem: 'id-mismatch', path, detail: `its id is ${parent.id}` };
  }
  const grand = parent.framework;
  if (grand && depth + 1 < MAX_DEPTH) {
    const up = await load(real, grand, options, roots, new Set([...visited, real]), depth + 1);
    if (up.status === 'unavailable' && up.problem === 'cycle') return { status: 'unavailable', problem: 'cycle', path };
    if (up.status === 'loaded') parent = mergeInherited(parent, up.parent).agreement;
  }
  return { status: 'loaded', parent, path };
}

/**
 * The run's entry point: the protocol for one agreement about to be linted. The YAML is only
 * parsed here when the text mentions `framework:` at all, so other agreements cost nothing.
 */
export async function frameworkForSource(source: AgreementSource, absolute: string, options: FrameworkLoadOptions): Promise<FrameworkResolution | undefined> {
  if (!/^framework\s*:/m.test(source.yamlText)) return undefined;
  return resolveFramework(absolute, parseYaml(source.yamlText).data, options);
}
