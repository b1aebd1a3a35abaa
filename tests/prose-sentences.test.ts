/**
 * Reading the sentence around a phrase (src/core/prose.ts): the look-ups the prose rules make
 * thousands of times in a long paragraph, answered from matches found once per block.
 */
import { describe, expect, it } from 'vitest';
import { isNegated, sentenceHas, type ProseBlock } from '../src/core/prose.js';

const block = (text: string): ProseBlock => ({ text, offsets: [] });
/** Characters of `phrase` in `text`, as [start, end]. */
const at = (text: string, phrase: string): [number, number] => [text.indexOf(phrase), text.indexOf(phrase) + phrase.length];

describe('isNegated', () => {
  it.each([
    ['The data will not be used for any other purpose.', true],
    ['Use for any other purpose is prohibited.', true],
    ['It is not shared. The data may be used for any other purpose.', false],
    ['The data may be used for any other purpose. It is not shared.', false],
    ['The data may be used for any other purpose; nothing else.', false],
    ["The ICB won't use it for any other purpose.", true],
    ['Notwithstanding that, use for any other purpose.', false],
  ])('%s → %s', (text, negated) => {
    const b = block(text);
    expect(isNegated(b, ...at(text, 'any other purpose'))).toBe(negated);
    // Asked again (the matches are cached per block), the same answer.
    expect(isNegated(b, ...at(text, 'any other purpose'))).toBe(negated);
  });
});

describe('sentenceHas', () => {
  const HISTORICAL = /\b(?:replaced|no\s+longer)\b/i;
  it.each([
    ['The DPA 1998, since replaced, applied.', true],
    ['The DPA 1998 applies. It was replaced.', false],
    ['It was replaced. The DPA 1998 applies.', false],
    // A match across the left-out words, read as one space.
    ['It is no DPA 1998 longer in force.', true],
    ['The DPA 1998 applies.', false],
  ])('%s → %s', (text, found) => {
    expect(sentenceHas(block(text), HISTORICAL, ...at(text, 'DPA 1998'))).toBe(found);
  });
});
