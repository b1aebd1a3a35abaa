import { defineDocumentRule, yaml } from '../src/core/rule.js';

/** Characters that reorder the text around them when it is displayed (Trojan Source). */
const BIDI: ReadonlyMap<number, string> = new Map([
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
]);

/** Characters that display as nothing. Tag characters (U+E0000 to U+E007F) are handled apart. */
const INVISIBLE: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'SOFT HYPHEN'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE (byte order mark)'],
]);

/** Any of the characters above, to skip files without them quickly (tag characters as surrogate pairs). */
const ANY_HIDDEN = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]/;

const ZWJ = 0x200d;
const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;
/** The subdivision flags Unicode recommends, written as tag characters after U+1F3F4: England, Scotland, Wales. */
const FLAG_TAGS = new Set(['gbeng', 'gbsct', 'gbwls']);

function isTag(cp: number): boolean {
  return cp >= 0xe0000 && cp <= 0xe007f;
}
function isHidden(cp: number): boolean {
  return BIDI.has(cp) || INVISIBLE.has(cp) || isTag(cp);
}
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
function isPictographic(cp: number | undefined): boolean {
  return cp !== undefined && PICTOGRAPHIC.test(String.fromCodePoint(cp));
}
function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

interface CodePoint {
  readonly cp: number;
  readonly offset: number;
}

function codePoints(text: string): CodePoint[] {
  const out: CodePoint[] = [];
  for (let offset = 0; offset < text.length; ) {
    const cp = text.codePointAt(offset)!;
    out.push({ cp, offset });
    offset += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/**
 * Hidden characters that are part of an emoji a reader sees: a zero width joiner between two
 * pictographs (as in a family emoji, allowing a variation selector before it), and the tag
 * characters of the England, Scotland and Wales flags.
 */
function visibleEmojiParts(cps: readonly CodePoint[]): Set<number> {
  const allowed = new Set<number>();
  cps.forEach(({ cp }, i) => {
    if (cp === ZWJ) {
      const before = cps[i - 1]?.cp === 0xfe0f ? cps[i - 2]?.cp : cps[i - 1]?.cp;
      if (isPictographic(before) && isPictographic(cps[i + 1]?.cp)) allowed.add(i);
    } else if (cp === BLACK_FLAG) {
      let j = i + 1;
      let letters = '';
      while (j < cps.length && isTag(cps[j]!.cp) && cps[j]!.cp !== CANCEL_TAG) letters += String.fromCodePoint(cps[j++]!.cp - 0xe0000);
      if (cps[j]?.cp === CANCEL_TAG && FLAG_TAGS.has(letters)) for (let k = i + 1; k <= j; k++) allowed.add(k);
    }
  });
  return allowed;
}

/** Names for a run: each distinct character once, with a count; tag characters as the text they hide. */
function describeRun(run: readonly number[]): string {
  const parts: string[] = [];
  const counts = new Map<number, number>();
  for (const cp of run) if (!isTag(cp)) counts.set(cp, (counts.get(cp) ?? 0) + 1);
  for (const [cp, n] of counts) parts.push(`${hex(cp)} ${BIDI.get(cp) ?? INVISIBLE.get(cp)}${n > 1 ? ` (${n} times)` : ''}`);
  const tags = run.filter(isTag);
  if (tags.length > 0) {
    const spelled = tags.map((cp) => (cp >= 0xe0020 && cp <= 0xe007e ? String.fromCodePoint(cp - 0xe0000) : '')).join('');
    parts.push(`${tags.length} tag character${tags.length === 1 ? '' : 's'} (U+E0000 to U+E007F)${spelled ? ` hiding the text "${spelled}"` : ''}`);
  }
  return parts.join(', ');
}

export default defineDocumentRule({
  id: 'hidden-text',
  meta: {
    title: 'The file must not contain hidden or direction-changing characters',
    description:
      'Reports bidirectional control characters and invisible characters (zero-width characters, soft hyphens, tag characters and similar) ' +
      'anywhere in the file, in the YAML and in a Markdown body alike.',
    rationale:
      'What a reviewer reads must be what the machine reads. Some Unicode characters are never displayed, or silently change the order in which the ' +
      'characters around them are displayed. With them, a line that reads `scope: per_case` on screen can say something else in the file, a party ' +
      'id can look like another party\'s, or an instruction can be hidden in the text. This is the "Trojan Source" attack (CVE-2021-42574), which ' +
      'affects any text that people review and machines act on; a data sharing agreement signed by a Caldicott Guardian and enforced by tools is ' +
      'exactly that.\n\n' +
      'dsalint reports every run of these characters: the direction controls (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C) and the ' +
      'invisible characters (U+200B to U+200D, U+2060 to U+2064, U+FEFF other than a byte order mark at the very start, U+00AD soft hyphen, ' +
      'U+180E, and the tag characters U+E0000 to U+E007F). Tag characters spelling hidden text are decoded in the message. They are allowed only ' +
      'where a reader sees an emoji: a zero width joiner between two emoji, and the tag characters of the England, Scotland and Wales flags.',
    fix:
      'Delete the characters. The simplest way is to retype the words around the reported place by hand; an editor that shows invisible characters ' +
      '(for example VS Code with "editor.renderControlCharacters") makes them visible. Then ask where the text came from.',
    severity: 'error',
    severityReason: 'Hidden characters can make the agreement a reviewer approved differ from the one tools enforce.',
    area: 'text',
    importance: 150,
    tags: ['format', 'security', 'integrity'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'CVE-2021-42574 (Trojan Source)', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-42574' },
      { instrument: 'Unicode Technical Standard #39: Unicode Security Mechanisms', url: 'https://www.unicode.org/reports/tr39/' },
    ],
    defaultOptions: {},
    messages: {
      bidi: {
        text: [
          'Hidden characters that change the display order of the text: {{names}}. What you see here is not what the file says. Delete them (retype ',
          'the words around them).',
        ],
        request: 'Ask {{drafter}} for a clean copy of the text: it contains hidden characters ({{names}}) that change the order in which the words are shown, so what you read may not be what was written.',
      },
      invisible: {
        text: 'Invisible characters: {{names}}. The text looks different from what the file contains. Delete them (retype the words around them).',
        request: 'Ask {{drafter}} for a clean copy of the text: it contains invisible characters ({{names}}), so what you read may not be exactly what was written.',
      },
    },
    examples: {
      valid: [{
        title: 'plain text',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Medical examiner scrutiny
        `,
      }],
      invalid: [
        {
          title: 'a right-to-left override reversing the displayed text',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Medical examiner scrutiny \u202eesac rep\u202c
          `,
          findings: [
            { messageId: 'bidi', text: '\u202e' },
            { messageId: 'bidi', text: '\u202c' },
          ],
        },
        {
          title: 'a zero width space inside an id',
          agreement: yaml`
            dsalint: 1
            id: EX\u200b-001
            title: Example
          `,
          findings: [{ messageId: 'invisible', text: '\u200b' }],
        },
      ],
    },
  },
  check({ source, report }) {
    if (!ANY_HIDDEN.test(source.text)) return;
    const cps = codePoints(source.text);
    const allowed = visibleEmojiParts(cps);
    for (let i = 0; i < cps.length; i++) {
      if (!isHidden(cps[i]!.cp) || allowed.has(i)) continue;
      let j = i;
      while (j + 1 < cps.length && isHidden(cps[j + 1]!.cp) && !allowed.has(j + 1)) j++;
      const run = cps.slice(i, j + 1).map((c) => c.cp);
      const last = cps[j]!;
      report({
        messageId: run.some((cp) => BIDI.has(cp)) ? 'bidi' : 'invisible',
        data: { names: describeRun(run) },
        at: { offsets: [cps[i]!.offset, last.offset + (last.cp > 0xffff ? 2 : 1)] },
      });
      i = j;
    }
  },
});
