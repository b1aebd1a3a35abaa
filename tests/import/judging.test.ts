/**
 * How an imported agreement is judged: the text's findings at their clauses, each topic the
 * text never addresses once, and no key-by-key complaints about facts the draft lacks.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { ABSENT_FACT_MESSAGES } from '../../src/core/imported.js';
import { importDocument } from '../../src/import/index.js';
import { lintText } from '../helpers/lint.js';
import { buildDocx } from './documents.js';

describe('an imported agreement', () => {
  it('names only rules and messages that exist', () => {
    for (const [ruleId, messageIds] of Object.entries(ABSENT_FACT_MESSAGES)) {
      const rule = RULES.find((r) => r.id === ruleId);
      expect(rule, ruleId).toBeDefined();
      for (const id of messageIds) expect(Object.keys(rule!.meta.messages), `${ruleId} ${id}`).toContain(id);
    }
  });

  it('is judged on its text, at the clause, with each missing topic once', async () => {
    const { text } = await importDocument(await buildDocx(), 'proposed.docx');
    const outcome = await lintText(text, { markdown: true });
    expect(outcome.findings.map((f) => [f.ruleId, f.messageId, f.excerpt?.clause ?? null, f.excerpt?.quote ?? null])).toEqual([
      ['prose-widens-scope', 'access', '3.1', 'The ICB will have full access to the clinical system of the practice.'],
      ['prose-widens-scope', 'open-retention', '4.1', 'Information will be kept for as long as the ICB considers necessary.'],
      ['prose-topic-missing', 'caldicott', null, null],
      ['prose-topic-missing', 'dpia', null, null],
      ['prose-topic-missing', 'breach', null, null],
      ['prose-widens-scope', 'broad-purpose', '2.1', 'The ICB will use the information for research and for service planning.'],
      ['prose-topic-missing', 'dpo', null, null],
      ['prose-topic-missing', 'termination', null, null],
      ['prose-topic-missing', 'rights', null, null],
      ['prose-undeclared-party', 'undeclared-recipient', '4.2', 'Summaries may be passed to Northshire County Council on request.'],
    ]);
    expect(outcome.findings.find((f) => f.messageId === 'open-retention')?.excerpt).toEqual({
      clause: '4.1',
      heading: '4. Retention',
      quote: 'Information will be kept for as long as the ICB considers necessary.',
    });
    expect(outcome.notes).toEqual([
      'Imported from a document: 9 checks of facts the draft front matter does not hold were left to the text (topics the text never addresses are reported once each). Fill in the front matter to run them.',
    ]);
  });

  it('keeps the structural findings of an agreement that was not imported', async () => {
    const { text } = await importDocument(await buildDocx(), 'proposed.docx');
    const outcome = await lintText(text.replace('imported:\n  from: "proposed.docx"\n', ''), { markdown: true });
    expect(outcome.findings.some((f) => f.ruleId === 'breach-clause-missing')).toBe(true);
    expect(outcome.findings.some((f) => f.ruleId === 'prose-topic-missing')).toBe(false);
  });
});
