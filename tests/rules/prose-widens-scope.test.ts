import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'prose-widens-scope';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const YAML =
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: gp, name: Example Surgery }\n  - { id: meo, name: Medical Examiner Office }\n' +
  'purposes:\n  - { id: me, category: medical_examiner_scrutiny }\npopulation: { scope: per_case }\n' +
  'data:\n  - { id: summary, categories: [diagnoses_problems] }\n' +
  'flows:\n  - { id: f1, from: gp, to: meo, data: [summary], access: { mode: per_request } }\n' +
  'retention:\n  - { party: meo, period: P10Y }\n';
const md = (body: string, yaml = YAML) => `---\n${yaml}---\n\n${body}\n`;

const lint = (text: string, options?: Record<string, unknown>) =>
  lintWithRule(RULE, text, { markdown: true, ...(options ? { options: { [RULE]: options } } : {}) });
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)], markdown: true })).findings;

describe(RULE, () => {
  describe('access', () => {
    it.each([
      'full access to the clinical system',
      'unrestricted access to the GP clinical system',
      'complete access to patient records',
      'access to the whole record',
      'access to the entire clinical system',
    ])('reports "%s" at the phrase', async (phrase) => {
      const text = md(`The medical examiner will have ${phrase} when needed.`);
      expect(await lint(text)).toEqual([`access ${rangeOf(text, phrase)}`]);
    });

    it('does not report access limited by its object', async () => {
      expect(await lint(md('The medical examiner will have full access to the relevant records for that death.'))).toEqual([]);
    });

    it('matches across bold and italic markup, reporting from the first to the last word', async () => {
      const text = md('The examiner gets **full access** to the *clinical* system.');
      expect(await lint(text)).toEqual([`access ${rangeOf(text, 'full access** to the *clinical* system')}`]);
    });

    it('matches across a soft line break', async () => {
      const text = md('The examiner gets full access to the\nclinical system.');
      expect(await lint(text)).toEqual([`access ${rangeOf(text, 'full')?.split('-')[0]}-${rangeOf(text, 'system')?.split('-')[1]}`]);
    });

    it('is quiet when a flow already gives live access to the whole record (whole-system-access owns that)', async () => {
      const yaml = YAML.replace('data: [summary], access: { mode: per_request }', 'access: { mode: live_system_access }');
      expect(await lint(md('The examiner will have full access to the clinical system.', yaml))).toEqual([]);
    });

    it('still reports system access when the whole record is shared by extract, but not record access', async () => {
      const yaml = YAML.replace('categories: [diagnoses_problems]', 'categories: [full_record]').replace('per_request', 'extract');
      const system = md('The examiner will have full access to the clinical system.', yaml);
      expect(await lint(system)).toEqual([`access ${rangeOf(system, 'full access to the clinical system')}`]);
      expect(await lint(md('The examiner will have access to the whole record.', yaml))).toEqual([]);
    });

    it('is an error, pointing at the flows', async () => {
      const [finding] = await findings(md('The examiner will have full access to the clinical system.'));
      expect(finding?.severity).toBe('error');
      expect(finding?.message).toContain('The text says "full access to the clinical system", but no flow');
      expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}-${r.range.end.line}:${r.range.end.column}`)).toEqual(['13:1-13:6']);
    });
  });

  describe('population', () => {
    it.each(['all patient records', "all patients' records", 'the records of all registered patients', "every patient's record", 'the whole practice list'])(
      'reports "%s"',
      async (phrase) => {
        const text = md(`Requests may cover ${phrase}.`);
        const expected = phrase.startsWith('the records') ? phrase.slice(4) : phrase.startsWith('the whole') ? phrase.slice(4) : phrase;
        expect(await lint(text)).toEqual([`population ${rangeOf(text, expected)}`]);
      },
    );

    it('counts only in a sentence about reaching the records', async () => {
      expect(await lint(md('All patient records are held securely by the practice.'))).toEqual([]);
      const text = md('All patient records can be searched by the ICB.');
      expect(await lint(text)).toEqual([`population ${rangeOf(text, 'All patient records')}`]);
    });

    it('is quiet when the population already covers every patient', async () => {
      expect(await lint(md('Requests may cover all patient records.', YAML.replace('scope: per_case', 'scope: all_registered')))).toEqual([]);
    });
  });

  describe('purpose', () => {
    it.each(['any other purpose', 'any other lawful purposes', 'any lawful purpose', 'such other purposes', 'for any purpose', 'any purpose whatsoever'])(
      'reports "%s" as a warning',
      async (phrase) => {
        const text = md(`The data may also be used ${phrase} agreed between the parties.`);
        expect(await lint(text)).toEqual([`purpose ${rangeOf(text, phrase)}`]);
        expect((await findings(text))[0]?.severity).toBe('warning');
      },
    );

    it('reports one finding where phrases overlap, covering the longest', async () => {
      const text = md('It may be used for any purpose whatsoever.');
      expect(await lint(text)).toEqual([`purpose ${rangeOf(text, 'for any purpose whatsoever')}`]);
    });
  });

  describe('retention', () => {
    it.each(['retained indefinitely', 'kept forever', 'held in perpetuity', 'stored permanently', 'indefinite retention'])('reports "%s"', async (phrase) => {
      const text = md(`Case files are ${phrase} by the office.`);
      expect(await lint(text)).toEqual([`retention ${rangeOf(text, phrase)}`]);
    });

    it('reports "no time limit" only about keeping data', async () => {
      const kept = md('There is no time limit on how long copies are kept.');
      expect(await lint(kept)).toEqual([`retention ${rangeOf(kept, 'no time limit')}`]);
      expect(await lint(md('There is no time limit for a patient to object.'))).toEqual([]);
    });

    it('is quiet when a retention period is already indefinite (the retention rules own that)', async () => {
      expect(await lint(md('Case files are kept forever.', YAML.replace('period: P10Y', 'period: indefinite')))).toEqual([]);
    });
  });

  describe('negation', () => {
    it.each([
      'The data will not be used for any other purpose.',
      'The data must never be kept forever.',
      "The examiner doesn't get full access to the clinical system.",
      'No one has access to the whole record.',
      'Use for any other purpose is prohibited.',
      'Use for any other purpose is not permitted.',
    ])('is quiet on "%s"', async (sentence) => {
      expect(await lint(md(sentence))).toEqual([]);
    });

    it('reads each sentence on its own', async () => {
      const text = md('The data will not be sold. It may be used for any other purpose.');
      expect(await lint(text)).toEqual([`purpose ${rangeOf(text, 'any other purpose')}`]);
    });
  });

  describe('where it looks', () => {
    it('reads headings, list items and block quotes, but not code', async () => {
      const text = md('# Kept forever\n\n- any other purpose\n\n> Requests cover all patient records\n\n```\nfull access to the clinical system\n```\n\n    kept forever');
      expect(await lint(text)).toEqual([
        `retention ${rangeOf(text, 'Kept forever')}`,
        `population ${rangeOf(text, 'all patient records')}`,
        `purpose ${rangeOf(text, 'any other purpose')}`,
      ]);
    });

    it('places a phrase after character references and escapes exactly', async () => {
      const text = md('Fish &amp; chips \\* and *more*: records are retained indefinitely.');
      expect(await lint(text)).toEqual([`retention ${rangeOf(text, 'retained indefinitely')}`]);
    });

    it('places a phrase exactly in a CRLF file', async () => {
      const text = md('First line.\r\nThe data may be used for any other purpose.').replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\n');
      expect(await lint(text)).toEqual([`purpose ${rangeOf(text, 'any other purpose')}`]);
    });

    it('does nothing for a YAML agreement', async () => {
      expect(await lintWithRule(RULE, YAML.replace('title: Example', 'title: Records kept forever for any other purpose'))).toEqual([]);
    });
  });

  describe('options', () => {
    it('adds phrases to the built-in ones, with their own message', async () => {
      const text = md('Records may be used in any way the ICB sees fit, and kept forever.');
      const options = { phrases: [{ phrase: 'in any way  the ICB sees fit', widens: 'purpose' }] };
      expect(await lint(text, options)).toEqual([`retention ${rangeOf(text, 'kept forever')}`, `purpose ${rangeOf(text, 'in any way the ICB sees fit')}`]);
      expect(await lint(text)).toEqual([`retention ${rangeOf(text, 'kept forever')}`]);
    });

    it('matches added phrases whole-word and ignoring case', async () => {
      const options = { phrases: [{ phrase: 'all data', widens: 'access' }] };
      const text = md('They receive ALL DATA held.');
      expect(await lint(text, options)).toEqual([`access ${rangeOf(text, 'ALL DATA')}`]);
      expect(await lint(md('They receive all database extracts.'), options)).toEqual([]);
    });
  });

  it('is quiet on a well-written body and on the starter agreement', async () => {
    const body =
      '# Medical examiner scrutiny\n\nWhen a patient of Example Surgery dies in the community, the Medical Examiner Office asks for a summary of ' +
      'the final illness. The surgery sends only what the examiner needs for that death, by NHSmail. The data will not be used for any other ' +
      'purpose, and the office keeps case files for ten years before secure destruction.\n';
    expect(await lint(md(body))).toEqual([]);
    const starterYaml = STARTER.replace(/^#.*\n/gm, '');
    expect(await lint(md(body, starterYaml))).toEqual([]);
    expect(await lintWithRule(RULE, STARTER)).toEqual([]);
  });
});
