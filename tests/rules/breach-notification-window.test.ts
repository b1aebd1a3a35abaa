import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'breach-notification-window';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const PROCESSOR = '  - { id: acme, name: Acme Hosting Ltd, role: processor }\n';

const agreement = (window: string | undefined, processor = ''): string =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery, role: controller }\n' +
  processor +
  'breach:\n' +
  (window === undefined ? '' : `  notify_parties_within: ${window}\n`) +
  '  ico_notification_owner: surgery\n  contact: dpo@example.nhs.uk\n';
const lint = (text: string, options?: Record<string, unknown>) => lintWithRule(RULE, text, options ? { options: { [RULE]: options } } : {});
const at = (window: string, processor = '') => rangeOf(agreement(window, processor), window);

describe(RULE, () => {
  it('is quiet at 24 hours, and below', async () => {
    for (const w of ['PT24H', 'P1D', 'PT12H', 'PT0H']) expect(await lint(agreement(w))).toEqual([]);
  });

  it('warns above 24 hours and up to 71 hours', async () => {
    for (const w of ['PT25H', 'PT48H', 'P2D', 'PT71H']) expect(await lint(agreement(w))).toEqual([`over-threshold ${at(w)}`]);
    expect(at('PT25H')).toBe('7:26-7:31');
  });

  it('reports 72 hours or more as an error', async () => {
    for (const w of ['PT72H', 'P3D', 'P1W', 'P1M']) expect(await lint(agreement(w))).toEqual([`ico-deadline ${at(w)}`]);
    const outcome = await lintText(agreement('P3D'), { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.severity).toBe('error');
    expect(outcome.findings[0]?.message).toBe(
      'The parties may take 72 hours to tell each other about a breach, which leaves no time for the controller to report it to the ICO within ' +
        'its own 72-hour deadline. Shorten `notify_parties_within` to 24 hours or less.',
    );
  });

  it('gives a warning, not an error, for 25 and 71 hours', async () => {
    for (const w of ['PT25H', 'PT71H']) {
      const outcome = await lintText(agreement(w), { rules: [ruleById(RULE)] });
      expect(outcome.findings.map((f) => f.severity)).toEqual(['warning']);
    }
  });

  it('counts minutes', async () => {
    expect(await lint(agreement('PT24H1M'))).toEqual([`over-threshold ${at('PT24H1M')}`]);
    expect(await lint(agreement('PT23H59M'))).toEqual([]);
  });

  it('reports a window slower than the processor limit when a processor is party, naming it', async () => {
    expect(await lint(agreement('PT25H', PROCESSOR))).toEqual([`processor-too-slow ${at('PT25H', PROCESSOR)}`]);
    const outcome = await lintText(agreement('PT25H', PROCESSOR), { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toContain('but Acme Hosting Ltd is a processor');
    expect(await lint(agreement('PT24H', PROCESSOR))).toEqual([]);
    expect(await lint(agreement('P3D', PROCESSOR))).toEqual([`ico-deadline ${at('P3D', PROCESSOR)}`]);
  });

  it('honours max_hours and processor_max_hours', async () => {
    expect(await lint(agreement('PT48H'), { max_hours: 48 })).toEqual([]);
    expect(await lint(agreement('PT49H'), { max_hours: 48 })).toEqual([`over-threshold ${at('PT49H')}`]);
    expect(await lint(agreement('PT13H'), { max_hours: 12 })).toEqual([`over-threshold ${at('PT13H')}`]);
    expect(await lint(agreement('P3D'), { max_hours: 100 })).toEqual([`ico-deadline ${at('P3D')}`]);
    expect(await lint(agreement('PT13H', PROCESSOR), { processor_max_hours: 12 })).toEqual([`processor-too-slow ${at('PT13H', PROCESSOR)}`]);
    expect(await lint(agreement('PT36H', PROCESSOR), { max_hours: 48, processor_max_hours: 48 })).toEqual([]);
    expect(await lint(agreement('PT36H'), { max_hours: 48, processor_max_hours: 12 })).toEqual([]);
  });

  it('reports a breach section with no window at the breach key, as a warning', async () => {
    const text = agreement(undefined);
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'breach')}`]);
  });

  it('leaves an absent breach section to breach-clause-missing', async () => {
    expect(await lint('dsalint: 1\nid: EX-001\ntitle: Example\n')).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
