import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintWithRule } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'declared-but-unused';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\npurposes:\n  - { id: care }\n  - { id: audit }\ndata:\n  - { id: summary }\n  - { id: notes }\n';
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports a purpose and a data item that no flow uses, at their ids', async () => {
    const text = `${HEAD}flows:\n  - { id: f, from: a, to: b, data: [summary], purposes: [care] }\n`;
    expect(await lint(text)).toEqual([`unused-purpose ${rangeOf(text, 'audit')}`, `unused-data ${rangeOf(text, 'notes')}`]);
  });

  it('counts a purpose a data item names as used', async () => {
    const text = `${HEAD}flows:\n  - { id: f, from: a, to: b, data: [summary, notes], purposes: [care] }\n`.replace('{ id: notes }', '{ id: notes, purposes: [audit] }');
    expect(await lint(text)).toEqual([]);
  });

  it('does not judge purposes or data when some flow names none (live access may carry any)', async () => {
    const text = `${HEAD}flows:\n  - { id: f, from: a, to: b, data: [summary], purposes: [care] }\n  - { id: live, from: a, to: b, access: { mode: live_system_access } }\n`;
    expect(await lint(text)).toEqual([]);
  });

  it('judges nothing before the flows are written', async () => {
    expect(await lint(HEAD)).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
