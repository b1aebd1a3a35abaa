/**
 * The phrase families prose-widens-scope and prose-undeclared-party read in an imported
 * document: open-ended retention, broad purposes, whole-system access and recipients named
 * only in the text. Each family has sentences that must be found (paraphrased and inflected)
 * and sentences that must not (negated, bounded, or made specific).
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const FRONT = '---\ndsalint: 1\nid: NS-DSA-014\ntitle: Example\nimported: { from: proposed.docx }\nparties:\n  - { id: icb, name: Northshire Integrated Care Board, org_type: icb }\n---\n\n';
const doc = (sentence: string) => `${FRONT}4.1 ${sentence}\n`;
const widens = (text: string) => lintWithRule('prose-widens-scope', text, { markdown: true });
const parties = (text: string) => lintWithRule('prose-undeclared-party', text, { markdown: true });

describe('open-ended retention', () => {
  it.each([
    ['Information will be kept for as long as the ICB considers necessary.', 'for as long as the ICB considers necessary'],
    ['Records are retained for as long as necessary.', 'for as long as necessary'],
    ['The ICB will retain the data so long as it is required.', 'so long as it is required'],
    ['Copies may be stored as long as the recipient deems it appropriate.', 'as long as the recipient deems it appropriate'],
    ['Data will not be held longer than necessary.', 'longer than necessary'],
    ['Extracts are held until no longer needed.', 'until no longer needed'],
    ['Keeping records as long as they need them is allowed.', 'as long as they need them'],
  ])('finds "%s"', async (sentence, phrase) => {
    const text = doc(sentence);
    expect(await widens(text)).toEqual([`open-retention ${rangeOf(text, phrase)}`]);
  });

  it.each([
    'Records are retained for as long as necessary, and no longer than 6 months after the case closes.',
    'Data will be kept for 8 years, or as long as the ICB considers necessary if shorter.',
    'Records are kept as long as necessary under the Records Management Code of Practice.',
    'The ICB will keep the data until the end of this agreement, or as long as necessary.',
    'Staff will be supported for as long as necessary.',
    'The project runs as long as the ICB considers necessary.',
  ])('does not find "%s" (a period bounds it, or it is not about keeping data)', async (sentence) => {
    expect(await widens(doc(sentence))).toEqual([]);
  });
});

describe('broad purposes', () => {
  it.each([
    ['The ICB will use the information for research and for service planning.', 'for research and for service planning'],
    ['Data may be used for planning, commissioning and evaluation.', 'for planning, commissioning and evaluation'],
    ['Records will be processed for the purposes of population health management.', 'for the purposes of population health management'],
    ['Extracts are shared for analytics.', 'for analytics'],
  ])('finds "%s"', async (sentence, phrase) => {
    const text = doc(sentence);
    expect(await widens(text)).toEqual([`broad-purpose ${rangeOf(text, phrase)}`]);
  });

  it.each([
    'The ICB will not use the information for research or for service planning.',
    'Data will be used for research into diabetes outcomes approved by the REC.',
    'Data may be used for planning of the winter vaccination service.',
    'The ICB is responsible for commissioning.',
    'Data is never shared for analytics.',
  ])('does not find "%s" (negated, made specific, or not a use of data)', async (sentence) => {
    expect(await widens(doc(sentence))).toEqual([]);
  });

  it('is quiet when the agreement declares research as a purpose', async () => {
    const front = FRONT.replace('parties:', 'purposes:\n  - { id: study, category: research }\nparties:');
    expect(await widens(`${front}2.1 The data is used for research.\n`)).toEqual([]);
  });
});

describe('whole-system and open-ended access', () => {
  it.each([
    ['The ICB will have full access to the clinical system of the practice.', 'full access to the clinical system'],
    ['Reviewers accessed the complete patient record.', 'accessed the complete patient record'],
    ['The examiner may view the entire GP record.', 'view the entire GP record'],
    ['The team is given access to the practice clinical system.', 'access to the practice clinical system'],
    ['The ICB has unrestricted access.', 'unrestricted access'],
    ['Analysts are searching the whole record.', 'searching the whole record'],
  ])('finds "%s"', async (sentence, phrase) => {
    const text = doc(sentence);
    expect(await widens(text)).toEqual([`access ${rangeOf(text, phrase)}`]);
  });

  it.each([
    'The medical examiner will not have access to the whole record.',
    'No one will have unrestricted access.',
    'The ICB never views the entire GP record.',
    'Access to the whole record is prohibited.',
    'The examiner sees the relevant records of the patient whose death is reviewed.',
  ])('does not find "%s"', async (sentence) => {
    expect(await widens(doc(sentence))).toEqual([]);
  });
});

describe('recipients named only in the text', () => {
  it.each([
    ['Summaries may be passed to Northshire County Council on request.', 'Northshire County Council'],
    ['Extracts are shared weekly with Acme Health Insights Ltd.', 'Acme Health Insights Ltd'],
    ['Reports will be sent to the Northshire Public Health Observatory.', 'Northshire Public Health Observatory'],
  ])('finds "%s"', async (sentence, name) => {
    const text = doc(sentence);
    expect(await parties(text)).toEqual([`undeclared-recipient ${rangeOf(text, name)}`]);
  });

  it.each([
    'Summaries will not be passed to Northshire County Council.',
    'Data is shared with Northshire ICB only.',
    'The practice sends summaries to the Integrated Care Board.',
    'Reports are sent to Dr Patel for review.',
  ])('does not find "%s"', async (sentence) => {
    expect(await parties(doc(sentence))).toEqual([]);
  });
});
