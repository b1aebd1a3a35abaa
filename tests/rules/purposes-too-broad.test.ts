import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'purposes-too-broad';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\npurposes:\n';
const CONSENT = 'lawful_basis: { article_9: a_explicit_consent, common_law: explicit_consent }';
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports the later of two purposes of different kinds on one basis, at its basis', async () => {
    const text = `${HEAD}  - { id: care, category: individual_care, ${CONSENT} }\n  - { id: study, category: research, ${CONSENT} }\n`;
    expect(await lint(text)).toEqual([`one-basis ${rangeOf(text, `{ article_9: a_explicit_consent, common_law: explicit_consent }`, 2)}`]);
    const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(f?.message).toContain('rests on exactly the same basis as individual (direct) care ("care") (direct care). Direct care and research need different bases');
    expect(f?.related).toHaveLength(1);
  });

  it('is quiet for different bases, for kinds that may share one, and when no basis is stated', async () => {
    expect(await lint(`${HEAD}  - { id: care, category: individual_care, ${CONSENT} }\n  - { id: study, category: research, lawful_basis: { common_law: s251_support } }\n`)).toEqual([]);
    expect(await lint(`${HEAD}  - { id: plan, category: planning_commissioning, ${CONSENT} }\n  - { id: study, category: research, ${CONSENT} }\n`)).toEqual([]);
    expect(await lint(`${HEAD}  - { id: care, category: individual_care }\n  - { id: study, category: research }\n`)).toEqual([]);
  });

  it('asks a reviewer to look at one purpose that bundles law enforcement with care', async () => {
    const text = `${HEAD}  - { id: all, description: Treatment of patients and sharing with the police to prevent crime. }\n`;
    expect(await lint(text)).toEqual([`mixed-description ${rangeOf(text, 'Treatment of patients and sharing with the police to prevent crime.')}`]);
    expect(await lint(`${HEAD}  - { id: study, description: A research study comparing two treatment pathways. }\n`)).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
