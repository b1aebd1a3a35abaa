import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'hidden-text';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\n';

const lint = (text: string, markdown = false) => lintWithRule(RULE, text, { markdown });
const messages = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings.map((f) => f.message);
/** Tag characters spelling `text` (U+E0000 plus each ASCII code). */
const tags = (text: string) => [...text].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

describe(RULE, () => {
  describe('direction controls', () => {
    it.each([
      ['\u202A', 'LEFT-TO-RIGHT EMBEDDING'],
      ['\u202B', 'RIGHT-TO-LEFT EMBEDDING'],
      ['\u202C', 'POP DIRECTIONAL FORMATTING'],
      ['\u202D', 'LEFT-TO-RIGHT OVERRIDE'],
      ['\u202E', 'RIGHT-TO-LEFT OVERRIDE'],
      ['\u2066', 'LEFT-TO-RIGHT ISOLATE'],
      ['\u2067', 'RIGHT-TO-LEFT ISOLATE'],
      ['\u2068', 'FIRST STRONG ISOLATE'],
      ['\u2069', 'POP DIRECTIONAL ISOLATE'],
      ['\u200E', 'LEFT-TO-RIGHT MARK'],
      ['\u200F', 'RIGHT-TO-LEFT MARK'],
      ['\u061C', 'ARABIC LETTER MARK'],
    ])('reports %j (%s) at its exact place, naming it', async (ch, name) => {
      const text = `${HEAD}title: Example${ch} agreement\n`;
      expect(await lint(text)).toEqual(['bidi 3:15-3:16']);
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      expect(await messages(text)).toEqual([
        `Hidden characters that change the display order of the text: ${code} ${name}. What you see here is not what the file says. Delete them (retype the words around them).`,
      ]);
    });
  });

  describe('invisible characters', () => {
    it.each([
      ['\u200B', 'ZERO WIDTH SPACE'],
      ['\u200C', 'ZERO WIDTH NON-JOINER'],
      ['\u200D', 'ZERO WIDTH JOINER'],
      ['\u2060', 'WORD JOINER'],
      ['\u2061', 'FUNCTION APPLICATION'],
      ['\u2062', 'INVISIBLE TIMES'],
      ['\u2063', 'INVISIBLE SEPARATOR'],
      ['\u2064', 'INVISIBLE PLUS'],
      ['\uFEFF', 'ZERO WIDTH NO-BREAK SPACE (byte order mark)'],
      ['\u00AD', 'SOFT HYPHEN'],
      ['\u180E', 'MONGOLIAN VOWEL SEPARATOR'],
    ])('reports %j (%s)', async (ch, name) => {
      const text = `${HEAD}title: Example${ch} agreement\n`;
      expect(await lint(text)).toEqual(['invisible 3:15-3:16']);
      expect((await messages(text))[0]).toContain(`${name}.`);
    });

    it('does not report a byte order mark at the very start of the file', async () => {
      expect(await lint(`\uFEFF${HEAD}title: Example\n`)).toEqual([]);
    });

    it('reports tag characters and spells out the text they hide', async () => {
      const text = `${HEAD}title: Example${tags('ok')}\n`;
      // Two astral characters: four UTF-16 columns.
      expect(await lint(text)).toEqual(['invisible 3:15-3:19']);
      expect((await messages(text))[0]).toContain('2 tag characters (U+E0000 to U+E007F) hiding the text "ok"');
    });
  });

  describe('runs', () => {
    it('reports a run of hidden characters once, counting repeats', async () => {
      const text = `${HEAD}title: Ex\u200B\u200B\u200Bample\n`;
      expect(await lint(text)).toEqual(['invisible 3:10-3:13']);
      expect((await messages(text))[0]).toContain('U+200B ZERO WIDTH SPACE (3 times)');
    });

    it('calls a mixed run a direction problem and names every character', async () => {
      const text = `${HEAD}title: Ex\u200B\u202Eample\n`;
      expect(await lint(text)).toEqual(['bidi 3:10-3:12']);
      expect((await messages(text))[0]).toContain('U+200B ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE');
    });

    it('reports separate runs separately', async () => {
      const text = `${HEAD}title: \u2066Example\u2069\n`;
      expect(await lint(text)).toEqual(['bidi 3:8-3:9', 'bidi 3:16-3:17']);
    });
  });

  describe('positions', () => {
    it('counts columns in UTF-16 units after an astral character', async () => {
      // "title: " is 7 units, the emoji 2, so the space is column 10.
      const text = `${HEAD}title: \u{1F600}\u200Bx\n`;
      expect(await lint(text)).toEqual(['invisible 3:10-3:11']);
      const both = `${HEAD}title: \u{1D400}\u202E\u{1D401}\u202C\n`;
      expect(await lint(both)).toEqual(['bidi 3:10-3:11', 'bidi 3:13-3:14']);
    });

    it('counts lines ending in CRLF', async () => {
      const text = 'dsalint: 1\r\nid: EX-001\r\ntitle: Ex\u200Bample\r\n';
      expect(await lint(text)).toEqual(['invisible 3:10-3:11']);
    });

    it('finds characters in a Markdown body, after the front matter', async () => {
      const text = `---\n${HEAD}title: Example\n---\n\n# Sharing\n\nRecords are shared per \u202Eesac\u202C only.\n`;
      expect(await lint(text, true)).toEqual([`bidi ${rangeOf(text, '\u202E')}`, `bidi ${rangeOf(text, '\u202C')}`]);
      expect(rangeOf(text, '\u202E')).toBe('9:24-9:25');
    });

    it('finds characters in a CRLF Markdown body and in its front matter', async () => {
      const text = `---\r\ndsalint: 1\r\nid: EX\u2060-001\r\ntitle: Example\r\n---\r\n\r\nBody\u00ADtext.\r\n`;
      expect(await lint(text, true)).toEqual(['invisible 3:7-3:8', 'invisible 7:5-7:6']);
    });

    it('reports even when the YAML cannot be read', async () => {
      const text = 'dsalint: 1\nid: [EX\u202E-001\ntitle: Example\n';
      const outcome = await lintText(text, { rules: [ruleById(RULE)] });
      expect(outcome.findings.map((f) => `${f.messageId} ${f.location.range.start.line}:${f.location.range.start.column}`)).toEqual(['bidi 2:8']);
    });
  });

  describe('emoji a reader sees', () => {
    it('allows a zero width joiner inside an emoji sequence', async () => {
      expect(await lint(`${HEAD}title: "Family support \u{1F468}\u200D\u{1F469}\u200D\u{1F467}"\n`)).toEqual([]);
      expect(await lint(`${HEAD}title: "Heart \u2764\uFE0F\u200D\u{1F525}"\n`)).toEqual([]);
    });

    it('allows the England, Scotland and Wales flags', async () => {
      for (const flag of ['gbeng', 'gbsct', 'gbwls']) {
        expect(await lint(`${HEAD}title: "NHS \u{1F3F4}${tags(flag)}\u{E007F}"\n`)).toEqual([]);
      }
    });

    it('still reports a joiner that joins no emoji, and tag text dressed as a flag', async () => {
      const joiner = `${HEAD}title: "Ex\u200Dample \u{1F468}\u200D"\n`;
      expect(await lint(joiner)).toEqual(['invisible 3:11-3:12', 'invisible 3:20-3:21']);
      const smuggled = `${HEAD}title: "NHS \u{1F3F4}${tags('ignore')}\u{E007F}"\n`;
      expect(await lint(smuggled)).toEqual(['invisible 3:15-3:29']);
      expect((await messages(smuggled))[0]).toContain('hiding the text "ignore"');
    });
  });

  it('is quiet on plain text and on the starter agreement', async () => {
    expect(await lint(`${HEAD}title: Plain – text with “quotes”, accents (café) and a tab\there\n`)).toEqual([]);
    expect(await lint(STARTER)).toEqual([]);
  });
});
