/**
 * Recorded codes in plain English, for the across-agreements messages and the register:
 * the vocabulary's labels, durations in words.
 */
import {
  ACCESS_MODES,
  ARTICLE_6_BASIS,
  ARTICLE_9_CONDITION,
  COMMON_LAW_BASIS,
  DATA_CATEGORY,
  OPT_OUT_HANDLING,
  POPULATION_SCOPES,
  PURPOSE_CATEGORY,
} from '../vocabulary.js';
import { durationInWords, parseDuration } from '../core/facts.js';
import { lowerFirst } from '../core/words.js';
import type { LawfulBasisRecord } from './record.js';

const label = (terms: readonly { value: string; label: string }[]) => {
  const map = new Map(terms.map((t) => [t.value, t.label]));
  return (value: string | undefined): string | undefined => (value === undefined ? undefined : (map.get(value) ?? value));
};

export const accessModeLabel = label(ACCESS_MODES);
export const optOutLabel = label(OPT_OUT_HANDLING);
export const populationScopeLabel = label(POPULATION_SCOPES);

export function categoryLabel(value: string): string {
  return DATA_CATEGORY.get(value)?.label ?? value;
}

export function purposeCategoryLabel(value: string | undefined): string | undefined {
  return value === undefined ? undefined : (PURPOSE_CATEGORY.get(value)?.label ?? value);
}

/** The Art 6, Art 9 and common-law bases of a purpose, such as "Art 6(1)(e) public task; Art 9(2)(g) …". */
export function basisWords(basis: LawfulBasisRecord): string {
  return [
    basis.article6 && (ARTICLE_6_BASIS.get(basis.article6)?.label ?? basis.article6),
    basis.article9 && (ARTICLE_9_CONDITION.get(basis.article9)?.label ?? basis.article9),
    basis.commonLaw && `common law: ${lowerFirst(COMMON_LAW_BASIS.get(basis.commonLaw)?.label ?? basis.commonLaw)}`,
  ]
    .filter(Boolean)
    .join('; ');
}

/** A retention period in words: "8 years"; "indefinite" and anything unparsed as written. */
export function periodWords(period: string): string {
  const parsed = parseDuration(period);
  return parsed ? durationInWords(parsed) : period;
}
