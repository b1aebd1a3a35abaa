/**
 * src/core/wrap.ts wraps plain text without wrap-ansi (so without string-width's start-up);
 * its output must be wrap-ansi's byte for byte. Compared over every width from 1 to 100 on
 * seeded random text with the shapes that matter: runs of spaces, leading and trailing
 * spaces, lines of only spaces, empty lines, words longer than the width, colons, and the
 * colour codes dsalint writes, opened and reset anywhere (inside words, between spaces, at
 * the start and end of lines).
 */
import { describe, expect, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import { wrapPlain } from '../src/core/wrap.js';
import { wrapKeepingSpaces } from '../src/core/summary.js';
import { random } from '../src/scripts/fuzz.js';

const reference = (text: string, width: number): string => wrapAnsi(text, width, { hard: false, trim: true });

/** The codes dsalint's painter writes (stylish), their resets, and the rest of what the fast path accepts. */
const CODES = [0, 0, 1, 4, 22, 24, 31, 32, 33, 34, 35, 39, 90, 90, 37, 97];

function randomText(next: () => number, colours = false): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = (): string => {
    const length = pick([0, 1, 2, 3, 5, 8, 12, 20, 45, 90]);
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCharCode(0x21 + Math.floor(next() * 94));
    return out;
  };
  const colour = (): string => `\u001b[${pick(CODES)}m`;
  const withColour = (piece: string): string => {
    if (!colours || next() > 0.3) return piece;
    const at = Math.floor(next() * (piece.length + 1));
    return `${piece.slice(0, at)}${colour()}${next() > 0.5 ? colour() : ''}${piece.slice(at)}`;
  };
  const lines: string[] = [];
  const lineCount = pick([1, 1, 1, 2, 3]);
  for (let l = 0; l < lineCount; l++) {
    const parts: string[] = [];
    const words = Math.floor(next() * 30);
    for (let w = 0; w < words; w++) parts.push(withColour(pick([word(), word(), word(), '', ':', '::error', 'a:b'])));
    lines.push(withColour(`${pick(['', '', ' ', '   '])}${parts.join(withColour(pick([' ', ' ', ' ', '  '])))}${pick(['', '', ' ', '  '])}`));
  }
  return lines.join('\n');
}

describe('wrapPlain', () => {
  /** Texts from `seed` compared with wrap-ansi at every width from 1 to 100; the number of comparisons made. */
  function compareRandomTexts(seed: number, count: number, colours: boolean): number {
    const next = random(seed);
    let compared = 0;
    for (let i = 0; i < count; i++) {
      const text = randomText(next, colours);
      // A code inserted inside another breaks both: that text is left to wrap-ansi.
      if (/\u001b(?!\[\d{1,3}m)/.test(text)) {
        expect(wrapPlain(text, 10)).toBeUndefined();
        continue;
      }
      for (let width = 1; width <= 100; width++) {
        const plain = wrapPlain(text, width);
        if (plain !== reference(text, width)) expect({ text, width, plain }).toEqual({ text, width, plain: reference(text, width) });
        compared++;
      }
    }
    return compared;
  }

  it('gives wrap-ansi’s output for 1,000 random plain texts at every width from 1 to 100', () => {
    expect(compareRandomTexts(20261202, 1000, false)).toBe(100_000);
  });

  it('gives wrap-ansi’s output for 300 random texts with colour codes at every width from 1 to 100', () => {
    expect(compareRandomTexts(20261203, 300, true)).toBeGreaterThan(27_000);
  });

  it('gives wrap-ansi’s output for the edge cases by name', () => {
    const grey = (t: string) => `\u001b[90m${t}\u001b[0m`;
    const cases = ['', ' ', '   ', '\n', ' \n ', 'a', ' a', 'a ', '  a  b  ', 'a  b', 'abc def', 'abcdefghij k', 'a\n\nb', 'x'.repeat(30), `${'x'.repeat(30)} y`, 'y '.repeat(40), 'The agreement: ::error file=x::boom'];
    cases.push(grey('note: a long note painted grey that wraps onto more rows'), `message text here  ${grey('rule-id')}`, `\u001b[1m\u001b[31mbold red words\u001b[39m plain\u001b[22m end`, `\u001b[4m   \u001b[0m`, `a \u001b[31m \u001b[0m b`);
    for (const text of cases) for (const width of [1, 2, 3, 4, 5, 10, 20, 80]) expect(wrapPlain(text, width), JSON.stringify({ text, width })).toBe(reference(text, width));
  });

  it('leaves to wrap-ansi any text that is not printable ASCII with simple colour codes', () => {
    for (const text of ['caf\u00e9 au lait', 'a\tb', 'a\r\nb', 'wide \u4e2d\u6587', 'e\u0301', 'emoji \u{1f600}', 'a\u00a0b', '\u007f', '\u001b[41mred ground', '\u001b[2mdim', '\u001b[38;5;1mx', '\u001b[mx', '\u001b]8;;https://x\u0007link', '\u001b[1;31mx']) {
      expect(wrapPlain(text, 10), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('leaves wrapKeepingSpaces’ output as wrap-ansi’s, on both paths', () => {
    const next = random(7);
    for (let i = 0; i < 200; i++) {
      const text = randomText(next);
      for (const width of [10, 37, 80]) {
        expect(wrapKeepingSpaces(text, width)).toBe(reference(text, width).replace(/\n(?=(?:\u001b\[[\d;]*m)*[ \t]*:)/g, ' '));
        const coloured = `${text} \u001b[90mrule-id\u001b[0m caf\u00e9`;
        expect(wrapKeepingSpaces(coloured, width)).toBe(reference(coloured, width).replace(/\n(?=(?:\u001b\[[\d;]*m)*[ \t]*:)/g, ' '));
      }
    }
  });
});
