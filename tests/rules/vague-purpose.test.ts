import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'vague-purpose';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\npurposes:\n  - id: p1\n    category: planning_commissioning\n';
const described = (description: string) => `${HEAD}    description: ${description}\n`;

const lint = (text: string, options?: Record<string, unknown>) => lintWithRule(RULE, text, options ? { options: { [RULE]: options } } : {});
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  describe('category and description', () => {
    it('reports a purpose with no category at the purpose, and no description', async () => {
      const text = 'dsalint: 1\nid: EX-001\ntitle: Example\npurposes:\n  - id: p1\n';
      expect(await lint(text)).toEqual([`no-category ${rangeOf(text, 'id: p1')}`, `no-description ${rangeOf(text, 'id: p1')}`]);
      expect((await findings(text)).map((f) => f.severity)).toEqual(['warning', 'warning']);
    });

    it('reports a description shorter than 20 characters, not one of 20, ignoring surrounding spaces', async () => {
      const short = described('"Commissioning work "');
      expect(await lint(short)).toEqual([`short-description ${rangeOf(short, '"Commissioning work "')}`]);
      expect((await findings(short))[0]?.message).toBe(
        'The description of purpose "p1" is 18 characters long, too short to say specifically what the data is used for (at least 20 expected).',
      );
      const nineteen = described('Commissioning plans');
      expect(await lint(nineteen)).toEqual([`short-description ${rangeOf(nineteen, 'Commissioning plans')}`]);
      expect(await lint(described('Commissioning plans.'))).toEqual([]);
    });

    it('takes the minimum length as an option', async () => {
      expect(await lint(described('Commissioning plans'), { min_description_length: 19 })).toEqual([]);
      const text = described('Commissioning plans.');
      expect(await lint(text, { min_description_length: 21 })).toEqual([`short-description ${rangeOf(text, 'Commissioning plans.')}`]);
    });
  });

  describe('open-ended wording', () => {
    const cases: [string, string][] = [
      ['Planning of services, including but not limited to elective care.', 'including but not limited to'],
      ['Planning of services, including, but not limited to, elective care.', 'including, but not limited to'],
      ['Planning of services and any other lawful purpose of the ICB.', 'any other lawful purpose'],
      ['Planning of services and for any purpose the ICB decides.', 'any purpose'],
      ['Planning of services and such other purposes as the ICB agrees.', 'such other purposes'],
      ['Planning of services and related purposes.', 'and related purposes'],
      ['Planning of services and other purposes.', 'and other purposes'],
      ['Planning of services, with reports as required.', 'as required'],
      ['Planning of services as may be required.', 'as may be required'],
      ['Planning of services, reviewed from time to time.', 'from time to time'],
      ['Planning of services and future use by the ICB.', 'future use'],
      ['Planning of services, research and related work.', 'research and related'],
      ['Planning of elective, urgent, community care etc.', 'etc.'],
    ];
    it.each(cases)('reports "%s" at the phrase "%s"', async (description, phrase) => {
      const text = described(description);
      expect(await lint(text)).toEqual([`open-ended ${rangeOf(text, phrase)}`]);
    });

    it('says which phrase, as a warning', async () => {
      const [f] = await findings(described('Planning of services and related purposes.'));
      expect(f?.severity).toBe('warning');
      expect(f?.message).toBe(
        'The description of purpose "p1" uses open-ended wording ("and related purposes"), which lets the sharing grow beyond what was agreed. ' +
          'Name the uses intended instead; anything else needs a purpose of its own.',
      );
    });

    it('does not report a phrase negated shortly before, or "as required by" a named law', async () => {
      expect(await lint(described('Planning of elective services; the data will not be used for any other purpose.'))).toEqual([]);
      expect(await lint(described('Planning of elective services; never for future use.'))).toEqual([]);
      expect(await lint(described('Reports to the regulator as required by the Health and Social Care Act 2008.'))).toEqual([]);
      expect(await lint(described('Reports to the regulator as required under the Care Act 2014 s45.'))).toEqual([]);
    });

    it('still reports "including but not limited to" after an unrelated negation is out of reach', async () => {
      const text = described('Planning of services, including but not limited to elective care, etc.');
      expect(await lint(text)).toEqual([`open-ended ${rangeOf(text, 'including but not limited to')}`, `open-ended ${rangeOf(text, 'etc.')}`]);
    });

    it('does not match inside words', async () => {
      expect(await lint(described('Planning of ketchup-free canteen services for staff.'))).toEqual([]);
      expect(await lint(described('Planning of services, etcetera-free, for the ICB.'))).toEqual([]);
    });

    it('finds a phrase folded over two lines, and in a block scalar', async () => {
      const folded = `${HEAD}    description: Planning of services, including but\n      not limited to elective care.\n`;
      expect(await lint(folded)).toEqual(['open-ended 7:40-8:21']);
      const block = `${HEAD}    description: |\n      Planning of services\n      from time to time.\n`;
      expect(await lint(block)).toEqual([`open-ended ${rangeOf(block, 'from time to time')}`]);
    });

    it('falls back to the whole description when the phrase is written with an escape', async () => {
      const text = described('"Planning of services and future\\x20use by the ICB."');
      expect(await lint(text)).toEqual([`open-ended ${rangeOf(text, '"Planning of services and future\\x20use by the ICB."')}`]);
      expect((await findings(text))[0]?.message).toContain('("future use")');
    });

    it('takes extra phrases as an option, matched as whole words across line breaks', async () => {
      const text = `${HEAD}    description: Planning of services and anything\n      else useful to the ICB.\n`;
      expect(await lint(text)).toEqual([]);
      expect(await lint(text, { extra_phrases: ['anything else useful'] })).toEqual(['open-ended 7:43-8:18']);
      expect(await lint(text, { extra_phrases: ['thing else'] })).toEqual([]);
    });
  });

  describe('no activity named', () => {
    it.each(['Provision of care services.', 'To support partners to improve outcomes for local people.', 'Sharing information to enable joined-up, person-centred care.'])(
      'asks a reviewer to look at "%s"',
      async (description) => {
        const text = described(description);
        expect(await lint(text)).toEqual([`no-activity ${rangeOf(text, description)}`]);
        const [f] = await findings(text);
        expect(f?.kind).toBe('review');
      },
    );

    it.each(['Planning elective orthopaedic capacity.', 'Independent scrutiny of the cause of death by a medical examiner.', 'Invoice validation of out-of-area activity.'])(
      'accepts "%s"',
      async (description) => {
        expect(await lint(described(description))).toEqual([]);
      },
    );
  });

  it('points at the phrase in a Markdown agreement\'s front matter', async () => {
    const text = `---\n${described('Planning of services and related purposes.')}---\n\n# Example\n\nPlanning and related purposes.\n`;
    expect(await lintWithRule(RULE, text, { markdown: true })).toEqual([`open-ended ${rangeOf(text, 'and related purposes')}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
