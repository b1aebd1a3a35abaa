/** "Did you mean": the closest known value to a misspelt one. */
import { closest, distance } from 'fastest-levenshtein';

export function suggest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = value.toLowerCase().replace(/[\s-]+/g, '_');
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  const best = closest(lower, candidates as string[]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  const d = distance(lower, best);
  // A short id that differs in every character ("c" for "a") is no suggestion at all.
  if (d <= limit && d < Math.min(lower.length, best.length)) return best;
  // `gp_surgery` → `gp_practice` is too far by edit distance; a shared leading word helps.
  const prefix = lower.split('_')[0] ?? '';
  const byPrefix = prefix.length >= 3 ? candidates.filter((c) => c.startsWith(prefix)) : [];
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}
