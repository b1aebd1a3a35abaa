/**
 * The order every report lists findings in: by severity (errors, warnings, points to review,
 * information, then waived findings), then by the rule's importance (`meta.importance`: the
 * most serious rules first), then by place in the file. The engine sorts each file's
 * findings with it, so every reporter that walks a file's findings shows them in this order.
 */
import type { Finding } from './types.js';
import { byCodeUnits } from './compare.js';

/** A finding's group, in reading order: 0 error, 1 warning, 2 needs review, 3 information, 4 waived. */
export function findingRank(f: Finding): number {
  if (f.suppression) return 4;
  if (f.kind === 'review') return 2;
  return f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 3;
}

/** Place in the file, then rule id and message, so equal findings still sort the same way every time. */
export function comparePlace(a: Finding, b: Finding): number {
  return (
    a.location.range.startOffset - b.location.range.startOffset ||
    a.location.range.endOffset - b.location.range.endOffset ||
    byCodeUnits(a.ruleId, b.ruleId) ||
    byCodeUnits(a.message, b.message)
  );
}

/** A rule's importance by id (lower first); rules it does not know come last. */
export type ImportanceOf = (ruleId: string) => number;

export function importanceLookup(rules: readonly { readonly id: string; readonly importance: number }[]): ImportanceOf {
  const map = new Map(rules.map((r) => [r.id, r.importance]));
  return (ruleId) => map.get(ruleId) ?? Number.MAX_SAFE_INTEGER;
}

/** Severity, then importance, then place. */
export function reportOrder(importance: ImportanceOf): (a: Finding, b: Finding) => number {
  return (a, b) => findingRank(a) - findingRank(b) || importance(a.ruleId) - importance(b.ruleId) || comparePlace(a, b);
}
