/** Matching phrases across an agreement's free text: every match, in field order, whatever the pattern. */
import { describe, expect, it } from 'vitest';
import { fieldMatches, type TextField } from '../src/core/text-fields.js';

const field = (text: string): TextField => ({ text, offsets: (s, e) => [s, e], sentenceHas: () => false });
const found = (fields: readonly TextField[], pattern: RegExp): string[] => [...fieldMatches(fields, pattern)].map(({ field: f, match }) => `${fields.indexOf(f)}:${match.index}:${match[0]}`);

describe('fieldMatches', () => {
  const fields = [field('The IG Toolkit applies.'), field('No match here'), field('ig toolkit, and the IG  Toolkit again')];

  it('finds every match in every field, in order, with its index in its field', () => {
    expect(found(fields, /\bIG\s+Toolkit\b/gi)).toEqual(['0:4:IG Toolkit', '2:0:ig toolkit', '2:20:IG  Toolkit']);
    expect(found(fields, /\bCCGs?\b/g)).toEqual([]);
  });

  it('gives the same answer for anchored and look-around patterns, which the joined text could mislead', () => {
    expect(found(fields, /^No/g)).toEqual(['1:0:No']);
    expect(found(fields, /here$/g)).toEqual(['1:9:here']);
    expect(found(fields, /again(?![\s\S])/g)).toEqual(['2:32:again']);
    expect(found(fields, /(?<![\s\S])ig/gi)).toEqual(['2:0:ig']);
  });

  it('leaves the pattern ready for its next use', () => {
    const pattern = /toolkit/gi;
    expect(found(fields, pattern)).toHaveLength(3);
    expect(pattern.lastIndex).toBe(0);
    expect(found(fields, pattern)).toHaveLength(3);
  });
});
