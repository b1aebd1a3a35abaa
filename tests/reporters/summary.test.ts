/**
 * The plain-English summary of what an agreement allows (src/core/summary.ts), shared by
 * the markdown and html reports and `dsalint summary`.
 */
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../src/generated/agreement.js';
import { formatDate, formatDuration, joinWords, lowerFirst, revealHidden, summariseAgreement, wrapText } from '../../src/core/summary.js';
import { runCli } from '../helpers/cli.js';
import { fixtureAgreement } from './fixtures/run.js';
import { agreementsProject, BAD_PATH, BROKEN_PATH, GOOD_PATH } from './fixtures/project.js';

const me = fixtureAgreement('me-scrutiny.dsa.yaml') as Agreement;
const icb = fixtureAgreement('icb-whole-system.dsa.yaml') as Agreement;

describe('words', () => {
  it.each([
    ['2026-04-01', '1 April 2026'],
    ['2027-12-31', '31 December 2027'],
    ['not a date', 'not a date'],
    ['2026-13-01', '2026-13-01'],
  ])('formatDate(%j) = %j', (input, expected) => expect(formatDate(input)).toBe(expected));

  it.each([
    ['P10Y', '10 years'],
    ['P1Y', '1 year'],
    ['P1Y6M', '1 year and 6 months'],
    ['P28D', '28 days'],
    ['PT24H', '24 hours'],
    ['P2W', '2 weeks'],
    ['all', 'all of it'],
    ['indefinite', 'indefinite'],
  ])('formatDuration(%j) = %j', (input, expected) => expect(formatDuration(input)).toBe(expected));

  it('joins lists in English, with semicolons when an item has its own commas', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b'])).toBe('a and b');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinWords(['a', 'b, c'], 'or')).toBe('a or b, c');
    expect(joinWords(['a', 'b', 'date, place and cause'])).toBe('a; b; and date, place and cause');
  });

  it('lower-cases a label mid-sentence but keeps acronyms', () => {
    expect(lowerFirst('Coded problems')).toBe('coded problems');
    expect(lowerFirst('NHS number')).toBe('NHS number');
    expect(lowerFirst('HIV diagnosis')).toBe('HIV diagnosis');
  });

  it('shows hidden characters instead of letting them reorder or hide text', () => {
    expect(revealHidden('for care\u202E,sesoprup laicremmoc dna\u202C.')).toBe('for care[U+202E],sesoprup laicremmoc dna[U+202C].');
    expect(revealHidden('zero\u200Bwidth, isolate\u2066x\u2069, bell\u0007, soft\u00ADhyphen')).toBe('zero[U+200B]width, isolate[U+2066]x[U+2069], bell[U+0007], soft[U+00AD]hyphen');
    expect(revealHidden('tab\tand\nlines\r\n, NHS “quotes” and emoji 😀 stay')).toBe('tab\tand\nlines\r\n, NHS “quotes” and emoji 😀 stay');
  });

  it('wraps at spaces', () => {
    expect(wrapText('one two three four', 9)).toBe('one two\nthree\nfour');
  });
});

describe('summariseAgreement', () => {
  it('says who sends what about whom, to whom, why, under what basis and for how long', () => {
    const s = summariseAgreement(me);
    expect(s.overview).toBe(
      '“Medical examiner scrutiny of deaths in the community” (EXAMPLE-ME-2026-001, version 1.0.0) is an active agreement between Example Surgery and Medical Examiner Office, Example Hospitals NHS Trust, in force from 1 April 2026 to 31 March 2027.',
    );
    expect(s.flows).toEqual([
      'Example Surgery would send NHS number; name and previous names; date of birth; coded problems and diagnoses; current and past prescriptions; recent consultation entries; and date, place and cause of death (identifiable, including free text) about patients of the surgery who have died and whose death is notified to the medical examiner office (one identified person per request) to Medical Examiner Office, Example Hospitals NHS Trust, for medical examiner scrutiny of a death (“Independent scrutiny of the cause of death of patients of the surgery who died in the community”), under the common-law basis “Legal requirement (a statute requires or permits the disclosure)”, relying on Coroners and Justice Act 2009 s19 and The Medical Examiners (England) Regulations 2024, and kept for 10 years from when the case is closed, then securely destroyed. It would be a disclosure per reviewed request, per case, time-limited, open for 28 days each time, read-only, with every access logged, by NHSmail (secure email).',
    ]);
    expect(s.signOff).toMatch(/^Signed off by Dr A Example \(Caldicott Guardian, Example Surgery\) on 20 March 2026; B Example/);
    expect(s.sentences).toEqual([s.overview, ...s.flows, s.signOff]);
  });

  it('describes live access as access, and says what is missing', () => {
    const s = summariseAgreement(icb);
    expect(s.flows[0]).toMatch(/^Riverside Medical Practice would give Example Integrated Care Board access to the whole record \("all data"\) \(identifiable\) about living patients \(every registered patient\), for population health management \(“Identify patients who would benefit from proactive care, and any other lawful purpose”\), under UK GDPR Art 6\(1\)\(e\) public task, UK GDPR Art 9\(2\)\(h\) health or social care and DPA 2018 Sch 1 Part 1 para 2/);
    expect(s.flows[0]).toContain('with no retention period stated for Example Integrated Care Board.');
    expect(s.overview).toContain('in force from 1 June 2026 with no end date.');
    expect(s.signOff).toBe('No one has signed it off yet.');
  });

  it('never lets agreement text hide or reorder words in the summary', () => {
    const hidden = { ...me, purposes: [{ ...me.purposes![0]!, description: 'Scrutiny of deaths\u202E sesoprup laicremmoc dna' }] };
    const s = summariseAgreement(hidden);
    expect(s.flows[0]).toContain('(“Scrutiny of deaths[U+202E] sesoprup laicremmoc dna”)');
    expect(s.sentences.join(' ')).not.toMatch(/\p{Cf}/u);
  });

  it('copes with a minimal agreement', () => {
    const s = summariseAgreement({ dsalint: 1, id: 'X-1', title: 'Bare' });
    expect(s.sentences).toEqual([
      '“Bare” (X-1) is an agreement.',
      'It describes no data flows, so it does not say who would send what to whom.',
      'No one has signed it off yet.',
    ]);
    const flowOnly = summariseAgreement({ dsalint: 1, id: 'X-2', title: 'Flow', flows: [{ id: 'f', from: 'a', to: 'b' }] });
    expect(flowOnly.flows).toEqual(['a would send data the agreement does not list about patients the agreement does not describe to b, for no stated purpose, under no legal basis stated, with no retention period stated for b.']);
  });
});

describe('dsalint summary', () => {
  it('prints the summary of an agreement, wrapped for a terminal', async () => {
    const dir = await agreementsProject();
    const result = await runCli(['summary', GOOD_PATH], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['Medical examiner scrutiny of deaths in the community', '='.repeat(52), `File: ${GOOD_PATH}`, '']);
    expect(result.stdout).toContain('- Example Surgery would send NHS number; name and previous names; date of birth;\n  coded problems');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('summarises an agreement with problems too: the summary is about what it allows', async () => {
    const dir = await agreementsProject();
    const result = await runCli(['summary', BAD_PATH], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Riverside Medical Practice would give Example Integrated Care Board access to');
  });

  it('explains why it cannot summarise a file that does not follow the format, or cannot be read', async () => {
    const dir = await agreementsProject({ 'agreements/bad-format.dsa.yaml': 'dsalint: 1\nid: X\n' });
    const invalid = await runCli(['summary', 'agreements/bad-format.dsa.yaml'], dir);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toBe('dsalint: agreements/bad-format.dsa.yaml does not follow the dsalint format yet, so it cannot be summarised. Run dsalint lint agreements/bad-format.dsa.yaml to see what to fix.\n');
    const broken = await runCli(['summary', BROKEN_PATH], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^dsalint: agreements\/broken\.dsa\.yaml.*UTF-8/);
    const missing = await runCli(['summary', 'nowhere'], dir);
    expect(missing.code).toBe(2);
  });
});

describe('retention and transfer wording', () => {
  const base = (retention: string, method: string): Agreement =>
    ({
      dsalint: 1,
      id: 'EX-1',
      title: 'Example',
      parties: [
        { id: 'a', name: 'Alpha Surgery' },
        { id: 'b', name: 'Beta Team' },
      ],
      data: [{ id: 'd', categories: ['nhs_number'] }],
      flows: [{ id: 'f', from: 'a', to: 'b', data: ['d'], transfer: { method } }],
      retention: [{ party: 'b', data: ['d'], period: retention }],
    }) as unknown as Agreement;

  it('says "kept indefinitely", not "kept for indefinite"', () => {
    const text = summariseAgreement(base('indefinite', 'nhsmail')).sentences.join(' ');
    expect(text).toContain('and kept indefinitely');
    expect(text).not.toContain('kept for indefinite');
  });

  it('says a zero period means the data is not kept', () => {
    expect(summariseAgreement(base('P0D', 'nhsmail')).sentences.join(' ')).toContain('and not kept (viewed in place)');
  });

  it('writes "within the clinical system" without "by"', () => {
    const text = summariseAgreement(base('P1Y', 'clinical_system')).sentences.join(' ');
    expect(text).toContain('within the clinical system');
    expect(text).not.toContain('by within');
    expect(summariseAgreement(base('P1Y', 'nhsmail')).sentences.join(' ')).toContain('by NHSmail');
  });
});

describe('summary of the shapes real agreements take', () => {
  const base = { dsalint: 1, id: 'ISA-7', title: 'Referrals' } as const;

  it('says which overarching protocol an agreement sits under, and names groups by their size', () => {
    const a = {
      ...base,
      status: 'active',
      framework: { id: 'ISP-1', title: 'Riverside protocol' },
      parties: [
        { id: 'practices', name: 'Every GP practice in Riverside', group: { count: 1200 } },
        { id: 'all', name: 'Every signatory', group: { any_signatory: true } },
        { id: 'pcn', name: 'Member practices', group: { members: [{ name: 'A Surgery' }, { name: 'B Surgery' }] } },
      ],
    } as Agreement;
    expect(summariseAgreement(a).overview).toBe(
      '“Referrals” (ISA-7) is an active agreement between Every GP practice in Riverside (1,200 organisations); Every signatory; and ' +
        'Member practices (2 organisations), under the overarching protocol “Riverside protocol” (ISP-1).',
    );
  });

  it('names the kind, gives month-only dates and renewing terms in words, and says a protocol has no flows of its own', () => {
    const a = {
      ...base,
      kind: 'overarching_protocol',
      legal_framework: 'dpa_1998',
      dates: { effective_from: '2014-04', initial_term: 'P12M', renewal: 'automatic', renewal_term: 'P1Y' },
    } as Agreement;
    const summary = summariseAgreement(a);
    expect(summary.overview).toBe(
      '“Referrals” (ISA-7) is an overarching protocol, in force from April 2014 for 12 months, renewing every year unless ended, written under the Data Protection Act 1998.',
    );
    expect(summary.flows).toEqual([
      'It sets common standards for its signatories and has no data flows of its own; the agreements made under it set out who sends what to whom.',
    ]);
  });

  it('never calls a template active or signed', () => {
    const a = { ...base, kind: 'template', status: 'active', approvals: [{ party: 'x', role: 'dpo', date: '2026-01-01' }] } as Agreement;
    const summary = summariseAgreement(a);
    expect(summary.overview).toBe('“Referrals” (ISA-7) is a template agreement.');
    expect(summary.signOff).toBe('As a template it is not signed; each completed copy is.');
  });

  it('describes each flow with the population of its own purposes', () => {
    const a = {
      ...base,
      parties: [{ id: 'gp', name: 'GP' }, { id: 'me', name: 'ME office' }],
      population: { description: 'Every registered patient', scope: 'all_registered' },
      purposes: [{ id: 'me-scrutiny', category: 'medical_examiner_scrutiny', population: { description: 'One patient who has died', scope: 'per_case' } }],
      flows: [{ id: 'f', from: 'gp', to: 'me', purposes: ['me-scrutiny'] }],
    } as Agreement;
    expect(summariseAgreement(a).flows[0]).toContain('about one patient who has died (one identified person per request)');
  });
});
