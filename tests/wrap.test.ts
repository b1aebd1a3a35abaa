/**
 * src/core/wrap.ts wraps plain text without wrap-ansi (so without string-width's start-up);
 * its output must be wrap-ansi's byte for byte. Compared over every width from 1 to 100 on
 * seeded random text with the shapes that matter: runs of spaces, leading and trailing
 * spaces, lines of only spaces, empty lines, words longer than the width, colons.
 */
import { describe, expect, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import { wrapPlain } from '../src/core/wrap.js';
import { wrapKeepingSpaces } from '../src/core/summary.js';
import { random } from '../src/scripts/fuzz.js';

const reference = (text: string, width: number): string => wrapAnsi(text, width, { hard: false, trim: true });

function randomText(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = (): string => {
    const length = pick([0, 1, 2, 3, 5, 8, 12, 20, 45, 90]);
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCharCode(0x21 + Math.floor(next() * 94));
    return out;
  };
  const lines: string[] = [];
  const lineCount = pick([1, 1, 1, 2, 3]);
  for (let l = 0; l < lineCount; l++) {
    const parts: string[] = [];
    const words = Math.floor(next() * 30);
    for (let w = 0; w < words; w++) parts.push(pick([word(), word(), word(), '', ':', '::error', 'a:b']));
    lines.push(`${pick(['', '', ' ', '   '])}${parts.join(pick([' ', ' ', ' ', '  ']))}${pick(['', '', ' ', '  '])}`);
  }
  return lines.join('\n');
}

describe('wrapPlain', () => {
  it('gives wrap-ansi’s output for 1,000 random plain texts at every width from 1 to 100', () => {
    const next = random(20261202);
    let compared = 0;
    for (let i = 0; i < 1000; i++) {
      const text = randomText(next);
      for (let width = 1; width <= 100; width++) {
        const plain = wrapPlain(text, width);
        if (plain !== reference(text, width)) expect({ text, width, plain }).toEqual({ text, width, plain: reference(text, width) });
        compared++;
      }
    }
    expect(compared).toBe(100_000);
  });

  it('gives wrap-ansi’s output for the edge cases by name', () => {
    const cases = ['', ' ', '   ', '\n', ' \n ', 'a', ' a', 'a ', '  a  b  ', 'a  b', 'abc def', 'abcdefghij k', 'a\n\nb', 'x'.repeat(30), `${'x'.repeat(30)} y`, 'y '.repeat(40), 'The agreement: ::error file=x::boom'];
    for (const text of cases) for (const width of [1, 2, 3, 4, 5, 10, 20, 80]) expect(wrapPlain(text, width), JSON.stringify({ text, width })).toBe(reference(text, width));
  });

  it('leaves to wrap-ansi any text that is not printable ASCII', () => {
    for (const text of ['caf\u00e9 au lait', 'a\tb', 'a\r\nb', '\u001b[90mgrey\u001b[0m', 'wide \u4e2d\u6587', 'e\u0301', 'emoji \u{1f600}', 'a\u00a0b', '\u007f']) {
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
