/**
 * The content digest an approval records: SHA-256 of a canonical form of what the agreement
 * allows. The canonical form leaves out what does not change the sharing, so an editorial
 * version keeps its digest and an approval of it stays valid:
 *
 * - `approvals` (who signed is not what they signed), `history` (the record of versions),
 *   `version` and `status` (labels, not content);
 * - free-text wording (titles, descriptions, justifications, contacts: the keys in
 *   FREE_TEXT_KEYS) and a Markdown agreement's body; the prose rules read the wording of
 *   every version, so a sentence that widens the sharing is still reported;
 * - comments, key order, list order, quoting and layout (YAML is read to data first).
 *
 * Everything else (parties and their names, purposes, bases, data, categories, population,
 * flows, access, retention, safeguards, dates, references) is in the digest, so any change
 * to it, and so every widening, gives a new digest.
 */
import { createHash } from 'node:crypto';
import { byCodeUnits } from './compare.js';

/** Bumped if the canonical form ever changes, so old digests fail loudly rather than match by chance. */
const DIGEST_FORMAT = 'dsalint-digest-1';

/** Top-level keys that are record-keeping, not content. */
export const RECORD_KEYS: ReadonlySet<string> = new Set(['approvals', 'history', 'version', 'status']);

/** Keys, at any depth, whose values are wording for people rather than terms of the sharing. */
export const FREE_TEXT_KEYS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'summary',
  'justification',
  'explanation',
  'notes',
  'objection_process',
  'rights_contact',
  'contact',
  'contact_point',
]);

const HEX_DIGEST = /^[0-9a-f]{64}$/i;

/** Whether `text` is a SHA-256 digest written as 64 hexadecimal characters. */
export function isDigest(text: string): boolean {
  return HEX_DIGEST.test(text);
}

/** Digests compare without regard to letter case. */
export function sameDigest(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A value with object keys sorted, free text and record keys dropped, and lists in a canonical order. */
export function canonicalContent(data: unknown): unknown {
  return canonical(data, true);
}

function canonical(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) {
    // No list in the format means anything by its order, so order is formatting.
    const items = value.map((v) => canonical(v, false));
    const keyed = items.map((item) => ({ item, key: JSON.stringify(item) }));
    keyed.sort((a, b) => byCodeUnits(a.key, b.key));
    return keyed.map((k) => k.item);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (FREE_TEXT_KEYS.has(key) || (top && RECORD_KEYS.has(key))) continue;
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || v === null) continue;
      out[key] = canonical(v, false);
    }
    return out;
  }
  return value;
}

/** The digest of an agreement's content (its parsed YAML data), as 64 lower-case hex characters. */
export function contentDigest(data: unknown): string {
  return createHash('sha256').update(`${DIGEST_FORMAT}\n${JSON.stringify(canonicalContent(data))}`).digest('hex');
}

const cache = new WeakMap<object, string>();

/** `contentDigest`, worked out once per parsed agreement however many rules ask. */
export function digestOf(data: object): string {
  let digest = cache.get(data);
  if (digest === undefined) cache.set(data, (digest = contentDigest(data)));
  return digest;
}
