/**
 * Facts about a set of agreements that the across-agreements rules and the register share:
 * which organisation a party is across files, and which agreements are in force.
 */
import type { AgreementRecord, FlowRecord, PartyRecord } from './record.js';
import { joinWords } from '../core/words.js';

/** A name compared loosely: case, punctuation, spacing and a leading "The" ignored. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * The organisations of an estate. Party ids are local to one agreement, so a party is
 * matched across agreements by its ODS code or its name: two parties sharing either are one
 * organisation (union-find over those keys, so the work grows with the number of parties).
 */
export class Organisations {
  private readonly parent = new Map<string, string>();
  private readonly names = new Map<string, string>();

  constructor(records: readonly AgreementRecord[]) {
    for (const record of records) {
      for (const party of record.parties) {
        const keys = this.keysOf(party);
        for (const key of keys) if (!this.parent.has(key)) this.parent.set(key, key);
        for (const key of keys.slice(1)) this.union(keys[0]!, key);
      }
    }
    // Name each organisation once, after every link is made, by the first name it was given.
    for (const record of records) {
      for (const party of record.parties) {
        const root = this.find(this.keysOf(party)[0]!);
        if (!this.names.has(root)) this.names.set(root, party.name);
      }
    }
  }

  private keysOf(party: PartyRecord): string[] {
    const keys = [`name:${nameKey(party.name)}`];
    if (party.odsCode) keys.unshift(`ods:${party.odsCode.trim().toUpperCase()}`);
    return keys;
  }

  private find(key: string): string {
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression keeps later look-ups short.
    let node = key;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key wins, so the identity does not depend on file order.
    if (ra !== rb) ra < rb ? this.parent.set(rb, ra) : this.parent.set(ra, rb);
  }

  /** A stable key for the organisation a party of this agreement is, or undefined for an unknown party id. */
  of(record: AgreementRecord, partyId: string | undefined): string | undefined {
    const party = partyOf(record, partyId);
    return party ? this.find(this.keysOf(party)[0]!) : undefined;
  }

  /** The organisation's display name. */
  nameOf(key: string): string {
    return this.names.get(key) ?? key.replace(/^(ods|name):/, '');
  }
}

export function partyOf(record: AgreementRecord, partyId: string | undefined): PartyRecord | undefined {
  return partyId === undefined ? undefined : record.parties.find((p) => p.id === partyId);
}

/**
 * In force on the run's date: active (or with no status), already effective and not yet
 * expired. Drafts, suspended, expired and withdrawn agreements let no data flow, and nor
 * does a template.
 */
export function inForce(record: AgreementRecord, asOf: string): boolean {
  if (record.status !== undefined && record.status !== 'active') return false;
  if (record.kind === 'template') return false;
  const { effectiveFrom, expires } = record.dates;
  if (effectiveFrom !== undefined && effectiveFrom > asOf) return false;
  return expires === undefined || expires >= asOf;
}

/** How an agreement is named in messages: its id and file. */
export function agreementLabel(record: AgreementRecord, file: string): string {
  return `${record.id} in ${file}`;
}

/** The categories of the data a flow carries. */
export function flowCategories(record: AgreementRecord, flow: FlowRecord): string[] {
  return flow.data.flatMap((id) => record.data.find((d) => d.id === id)?.categories ?? []);
}

/** Items grouped by a key, in first-seen order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Up to `max` agreements named (id and file), then how many more: messages stay short on a large estate. */
export function agreementsInWords(labels: readonly string[], max = 3): string {
  if (labels.length <= max) return joinWords(labels);
  return `${labels.slice(0, max).join(', ')} and ${labels.length - max} more`;
}

/** At most `max` items named, then how many more: keeps messages short on a large estate. */
export function capped<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}
