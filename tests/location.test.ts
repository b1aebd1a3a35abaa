/**
 * Offsets and paths to 1-based line/column ranges (end-exclusive, UTF-16 columns), for
 * every text shape that trips linters up: CRLF, a BOM, tabs, characters outside the BMP,
 * block scalars, flow mappings and Markdown front matter.
 */
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/core/parse.js';
import { AgreementLocator, Locator, formatPath, parsePath } from '../src/core/locate.js';
import { sourceFromText } from '../src/core/source.js';
import { formatRange } from './helpers/lint.js';

async function rangeOf(text: string, path: (string | number)[], part: 'value' | 'key' | 'pair' = 'value', markdown = false): Promise<string> {
  const source = await sourceFromText(text, markdown ? 'x.dsa.md' : 'x.dsa.yaml');
  const parsed = parseYaml(source.yamlText);
  const locator = new AgreementLocator(parsed.document, source.yamlText, source.yamlOffset, source.locator);
  return formatRange(locator.rangeOfPath(path, part));
}

describe('Locator (offsets to positions)', () => {
  it.each([
    ['LF', 'ab\ncd\n', 4, '2:2'],
    ['CRLF', 'ab\r\ncd\r\n', 5, '2:2'],
    ['lone CR', 'ab\rcd', 4, '2:2'],
    ['tab counts one column', '\tx', 1, '1:2'],
    ['astral character counts two columns', '😀x', 2, '1:3'],
    ['end of text', 'ab', 2, '1:3'],
    ['past the end is clamped', 'ab', 99, '1:3'],
  ])('%s', (_name, text, offset, expected) => {
    const p = new Locator(text).position(offset);
    expect(`${p.line}:${p.column}`).toBe(expected);
  });
});

describe('paths to ranges', () => {
  const doc = 'dsalint: 1\nid: EX-1\nparties:\n  - id: a\n    name: Alpha\n  - { id: b, name: Beta }\n';

  it.each([
    ['a top-level scalar value', ['id'], 'value', '2:5-2:9'],
    ['a top-level key', ['id'], 'key', '2:1-2:3'],
    ['key to value end', ['id'], 'pair', '2:1-2:9'],
    ['a block sequence item field', ['parties', 0, 'name'], 'value', '5:11-5:16'],
    ['a flow mapping field', ['parties', 1, 'name'], 'value', '6:20-6:24'],
    ['a missing key inside an item points at the item first line', ['parties', 0, 'role'], 'value', '4:5-4:10'],
    ['a missing key inside a flow item', ['parties', 1, 'role'], 'value', '6:5-6:26'],
    ['a missing top-level section points at the first key', ['retention'], 'value', '1:1-1:8'],
    ['a missing key under a missing section', ['security', 'measures'], 'value', '1:1-1:8'],
  ] as const)('%s', async (_name, path, part, expected) => {
    expect(await rangeOf(doc, [...path], part)).toBe(expected);
  });

  it('counts columns in UTF-16 code units after an astral character', async () => {
    expect(await rangeOf('title: "😀 x"\nid: EX\n', ['id'])).toBe('2:5-2:7');
    expect(await rangeOf('title: 😀 and more\n', ['title'])).toBe('1:8-1:19');
  });

  it('is right with CRLF line endings', async () => {
    expect(await rangeOf('dsalint: 1\r\nid: EX-1\r\ntitle: T\r\n', ['title'])).toBe('3:8-3:9');
  });

  it('ignores a byte order mark (editors do not count it as a column)', async () => {
    expect(await rangeOf('\uFEFFid: EX-1\ntitle: T\n', ['id'])).toBe('1:5-1:9');
  });

  it('counts a tab inside a value as one column', async () => {
    expect(await rangeOf('title: "a\tb"\nid: X\n', ['id'])).toBe('2:5-2:6');
    expect(await rangeOf('title: "a\tb"\n', ['title'])).toBe('1:8-1:13');
  });

  it('spans a block scalar from its indicator to the end of its text', async () => {
    expect(await rangeOf('description: |\n  line one\n  line two\nid: X\n', ['description'])).toBe('1:14-4:1');
    expect(await rangeOf('description: |\n  line one\n  line two\nid: X\n', ['id'])).toBe('4:5-4:6');
  });

  it('points at the key when the value is empty', async () => {
    expect(await rangeOf('id:\ntitle: T\n', ['id'])).toBe('1:1-1:3');
  });

  it('gives exact positions in Markdown front matter', async () => {
    const md = '---\ndsalint: 1\nid: EX-1\n---\n\n# Title\n';
    expect(await rangeOf(md, ['id'], 'value', true)).toBe('3:5-3:9');
  });

  it('gives exact positions in Markdown front matter with CRLF', async () => {
    const md = '---\r\ndsalint: 1\r\nid: EX-1\r\n---\r\n\r\nBody\r\n';
    expect(await rangeOf(md, ['id'], 'value', true)).toBe('3:5-3:9');
  });

  it('gives exact positions in Markdown front matter after a BOM', async () => {
    const md = '\uFEFF---\ndsalint: 1\nid: EX-1\n---\n';
    expect(await rangeOf(md, ['id'], 'value', true)).toBe('3:5-3:9');
  });
});

describe('path text', () => {
  it('formats and parses dotted paths', () => {
    expect(formatPath(['flows', 0, 'access', 'mode'])).toBe('flows[0].access.mode');
    expect(formatPath([])).toBe('');
    expect(parsePath('flows[0].access.mode')).toEqual(['flows', 0, 'access', 'mode']);
  });

  it('parses JSON pointers from ajv, unescaping ~1 and ~0', () => {
    expect(parsePath('/flows/0/access')).toEqual(['flows', 0, 'access']);
    expect(parsePath('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(parsePath('')).toEqual([]);
  });
});

describe('front matter with lone CR line endings', () => {
  // The YAML parser itself does not treat a lone CR as a line break; what dsalint controls is
  // finding the front matter, which must not come out empty.
  it('extracts the front matter after the opening fence', async () => {
    const { parseMarkdown } = await import('../src/core/markdown.js');
    expect(parseMarkdown('---\rdsalint: 1\rid: EX-1\r---\r\rBody\r').frontMatter).toEqual({ text: 'dsalint: 1\rid: EX-1', offset: 4 });
  });
});
