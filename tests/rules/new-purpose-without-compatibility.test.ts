import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'new-purpose-without-compatibility';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

/** `top` goes before the purposes, `extra` inside the added purpose, `tail` after. */
const agreement = (top: string, extra = '    added_in_version: 1.1.0\n', tail = '') =>
  `dsalint: 1\nid: EX-001\ntitle: Example\nversion: 1.1.0\n${top}purposes:\n  - { id: care, category: individual_care }\n  - id: audit\n    category: national_clinical_audit\n${extra}${tail}`;

const lint = (text: string, asOf?: string) => lintWithRule(RULE, text, asOf ? { asOf } : {});
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  describe('which law', () => {
    it('cites Art 8A and Annex 2 for an agreement effective after 5 February 2026, at added_in_version', async () => {
      const text = agreement('dates: { effective_from: 2026-04-01 }\n');
      expect(await lint(text)).toEqual([`no-compatibility ${rangeOf(text, '1.1.0', 2)}`]);
      const [f] = await findings(text);
      expect(f?.severity).toBe('error');
      expect(f?.message).toBe(
        'Purpose national clinical audit ("audit") was added in version 1.1.0 with no compatibility assessment, Annex 2 condition or consent. ' +
          'Under UK GDPR Art 8A (from 5 February 2026) a new purpose must be compatible with the original or listed in Annex 2: ' +
          'record the assessment in compatibility_assessment, or the annex2_condition that applies.',
      );
    });

    it('cites Art 6(4) for an agreement judged under the earlier law', async () => {
      const text = agreement('legal_framework: uk_gdpr_pre_duaa\n');
      expect(await lint(text)).toEqual([`no-compatibility-pre-duaa ${rangeOf(text, '1.1.0', 2)}`]);
      expect((await findings(text))[0]?.message).toContain('Under UK GDPR Art 6(4), the law before 5 February 2026');
    });

    it('prefers the declared legal framework to any date', async () => {
      const text = agreement('legal_framework: uk_gdpr_post_duaa_2026\ndates: { effective_from: 2025-04-01 }\n');
      expect(await lint(text)).toEqual([`no-compatibility ${rangeOf(text, '1.1.0', 2)}`]);
    });

    it('judges by the date of the version that added the purpose: the day before 5 February 2026 and on it', async () => {
      const dated = (date: string) =>
        agreement('dates: { effective_from: 2025-04-01 }\n', '    added_in_version: 1.1.0\n', `history:\n  - { version: 1.0.0, date: 2025-04-01 }\n  - { version: 1.1.0, date: ${date} }\n`);
      const before = dated('2026-02-04');
      expect(await lint(before)).toEqual([`no-compatibility-pre-duaa ${rangeOf(before, '1.1.0', 2)}`]);
      const on = dated('2026-02-05');
      expect(await lint(on)).toEqual([`no-compatibility ${rangeOf(on, '1.1.0', 2)}`]);
    });

    it('judges by the effective date when the amendment is not dated: the day before 5 February 2026 and on it', async () => {
      const before = agreement('dates: { effective_from: 2026-02-04 }\n');
      expect(await lint(before)).toEqual([`no-compatibility-pre-duaa ${rangeOf(before, '1.1.0', 2)}`]);
      const on = agreement('dates: { effective_from: 2026-02-05 }\n');
      expect(await lint(on)).toEqual([`no-compatibility ${rangeOf(on, '1.1.0', 2)}`]);
    });

    it('judges an undated agreement by the run date', async () => {
      const text = agreement('');
      expect(await lint(text, '2026-02-04')).toEqual([`no-compatibility-pre-duaa ${rangeOf(text, '1.1.0', 2)}`]);
      expect(await lint(text, '2026-02-05')).toEqual([`no-compatibility ${rangeOf(text, '1.1.0', 2)}`]);
    });
  });

  describe('what counts as added', () => {
    it('reports a purpose the history lists as added, at its id, with the history entry as related', async () => {
      const text = agreement('dates: { effective_from: 2026-04-01 }\n', '', 'history:\n  - { version: 1.0.0 }\n  - { version: 1.1.0, changes: { added_purposes: [audit] } }\n');
      expect(await lint(text)).toEqual([`no-compatibility ${rangeOf(text, 'audit')}`]);
      const [f] = await findings(text);
      expect(f?.message).toContain('was added in version 1.1.0');
      // The third "audit": after the id and the category national_clinical_audit.
      expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(text, 'audit', 3)]);
    });

    it('says "a later version" when no version is known', async () => {
      const text = agreement('dates: { effective_from: 2026-04-01 }\n', '', 'history:\n  - { summary: Added the audit, changes: { added_purposes: [audit] } }\n');
      expect((await findings(text))[0]?.message).toContain('was added in a later version with no');
    });

    it('does not count a purpose dated to the first version in the history', async () => {
      const text = agreement('dates: { effective_from: 2026-04-01 }\n', '    added_in_version: 1.0.0\n', 'history:\n  - { version: 1.0.0 }\n');
      expect(await lint(text)).toEqual([]);
      const listed = agreement('dates: { effective_from: 2026-04-01 }\n', '', 'history:\n  - { version: 1.0.0, changes: { added_purposes: [audit] } }\n  - { version: 1.1.0 }\n');
      expect(await lint(listed)).toEqual([]);
    });
  });

  describe('what settles it', () => {
    const post = 'dates: { effective_from: 2026-04-01 }\n';
    it('accepts a compatibility assessment with a reference, date or factors, but not an empty one', async () => {
      expect(await lint(agreement(post, '    added_in_version: 1.1.0\n    compatibility_assessment: { reference: DPIA-7 }\n'))).toEqual([]);
      expect(await lint(agreement(post, '    added_in_version: 1.1.0\n    compatibility_assessment: { date: 2026-05-01 }\n'))).toEqual([]);
      expect(await lint(agreement(post, '    added_in_version: 1.1.0\n    compatibility_assessment: { factors: [safeguards] }\n'))).toEqual([]);
      const empty = agreement(post, '    added_in_version: 1.1.0\n    compatibility_assessment: {}\n');
      expect(await lint(empty)).toEqual([`no-compatibility ${rangeOf(empty, '1.1.0', 2)}`]);
    });

    it('accepts explicit consent or Art 6(1)(a) consent', async () => {
      expect(await lint(agreement(post, '    added_in_version: 1.1.0\n    lawful_basis: { common_law: explicit_consent }\n'))).toEqual([]);
      expect(await lint(agreement(post, '    added_in_version: 1.1.0\n    lawful_basis: { article_6: a_consent }\n'))).toEqual([]);
    });

    it('accepts an Annex 2 condition from 5 February 2026, and reports one used before', async () => {
      expect(await lint(agreement(post, '    added_in_version: 1.1.0\n    annex2_condition: legal_obligation\n'))).toEqual([]);
      const text = agreement('legal_framework: uk_gdpr_pre_duaa\n', '    added_in_version: 1.1.0\n    annex2_condition: legal_obligation\n');
      expect(await lint(text)).toEqual([`annex2-pre-duaa ${rangeOf(text, 'legal_obligation')}`]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
