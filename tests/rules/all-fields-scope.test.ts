import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'all-fields-scope';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const HEAD =
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery }\n  - { id: meo, name: Medical Examiner Office }\n' +
  '  - { id: trust, name: Example Trust }\npurposes:\n  - { id: me, category: medical_examiner_scrutiny }\n  - { id: care, category: individual_care }\n';

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  describe('whole-record data items', () => {
    it('is an error for a purpose beyond care, at the full_record entry, with the flow as related', async () => {
      const text = `${HEAD}data:\n  - { id: all, categories: [nhs_number, full_record] }\nflows:\n  - { id: f1, from: surgery, to: meo, data: [all], purposes: [me] }\n`;
      expect(await lint(text)).toEqual([`whole-record ${rangeOf(text, 'full_record')}`]);
      const [f] = await findings(text);
      expect(f?.severity).toBe('error');
      expect(f?.message).toBe(
        'Data item "all" is the whole record, shared with Medical Examiner Office for medical examiner scrutiny of a death ("me"). ' +
          'The whole record is never the minimum necessary for a purpose beyond individual care: replace full_record with the categories of data each purpose needs.',
      );
      expect(f?.related.map((r) => [formatRange(r.range), r.message])).toEqual([[rangeOf(text, 'all', 2), 'Flow "f1" shares it with Medical Examiner Office.']]);
    });

    it('is a warning when every flow carrying it is for direct care', async () => {
      const text = `${HEAD}data:\n  - { id: rec, categories: [full_record] }\nflows:\n  - { id: f1, from: surgery, to: trust, data: [rec], purposes: [care] }\n`;
      expect(await lint(text)).toEqual([`whole-record-direct-care ${rangeOf(text, 'full_record')}`]);
      expect((await findings(text))[0]?.severity).toBe('warning');
    });

    it('reports once, as an error, when one of several flows is for a purpose beyond care', async () => {
      const text =
        `${HEAD}data:\n  - { id: rec, categories: [full_record] }\nflows:\n` +
        '  - { id: f1, from: surgery, to: trust, data: [rec], purposes: [care] }\n  - { id: f2, from: surgery, to: meo, data: [rec], purposes: [me] }\n';
      expect(await lint(text)).toEqual([`whole-record ${rangeOf(text, 'full_record')}`]);
      const [f] = await findings(text);
      expect(f?.message).toContain('shared with Example Trust and Medical Examiner Office for individual (direct) care ("care") and medical examiner scrutiny of a death ("me")');
      expect(f?.related).toHaveLength(2);
    });

    it('is an error when the flow names no purpose', async () => {
      const text = `${HEAD}data:\n  - { id: rec, categories: [full_record] }\nflows:\n  - { id: f1, from: surgery, to: trust, data: [rec] }\n`;
      expect(await lint(text)).toEqual([`whole-record ${rangeOf(text, 'full_record')}`]);
      expect((await findings(text))[0]?.message).toContain('for no stated purpose');
    });

    it('does not report a whole-record item that no flow carries, or named categories', async () => {
      expect(await lint(`${HEAD}data:\n  - { id: rec, categories: [full_record] }\n`)).toEqual([]);
      const named = `${HEAD}data:\n  - { id: rec, categories: [diagnoses_problems, medications] }\nflows:\n  - { id: f1, from: surgery, to: meo, data: [rec], purposes: [me] }\n`;
      expect(await lint(named)).toEqual([]);
    });
  });

  describe('live access with no data listed', () => {
    it('is an error for a purpose beyond care, at the access mode', async () => {
      const text = `${HEAD}flows:\n  - { id: f1, from: surgery, to: meo, purposes: [me], access: { mode: live_system_access, trigger: per_case } }\n`;
      expect(await lint(text)).toEqual([`live-access-unlisted ${rangeOf(text, 'live_system_access')}`]);
      expect((await findings(text))[0]?.severity).toBe('error');
    });

    it('treats an empty data list as no data listed, and is a warning for direct care', async () => {
      const text = `${HEAD}flows:\n  - { id: f1, from: surgery, to: trust, data: [], purposes: [care], access: { mode: live_system_access } }\n`;
      expect(await lint(text)).toEqual([`live-access-unlisted-direct-care ${rangeOf(text, 'live_system_access')}`]);
      expect((await findings(text))[0]?.severity).toBe('warning');
    });

    it('does not report live access that lists its data, or other modes with no data', async () => {
      const listed = `${HEAD}data:\n  - { id: rec, categories: [diagnoses_problems] }\nflows:\n  - { id: f1, from: surgery, to: meo, data: [rec], purposes: [me], access: { mode: live_system_access } }\n`;
      expect(await lint(listed)).toEqual([]);
      expect(await lint(`${HEAD}flows:\n  - { id: f1, from: surgery, to: meo, purposes: [me], access: { mode: per_request } }\n`)).toEqual([]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
