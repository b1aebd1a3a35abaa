/**
 * The reviewer's report: verdict first, the points as requests in order of weight and
 * importance, each at its clause with the document's words (imported) or at its field with
 * its value (YAML); technical detail after.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { AS_OF, importedProject } from './project.js';
import { readFileSync } from 'node:fs';

describe('the reviewer report of an imported document', () => {
  it('starts with the verdict and lists requests at their clauses, most important first', async () => {
    const dir = await importedProject();
    const result = await runCli(['lint', 'proposed.dsa.md', '-f', 'review', ...AS_OF], dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      '# Review of “Data Sharing Agreement: Medical Examiner Scrutiny”',
      '',
      'Imported from proposed.docx; checked as of 1 November 2026.',
      '',
      '## Do not sign yet',
      '',
      'Do not sign until the ICB has put right the 5 points marked “Must be fixed” below. 5 more points are worth asking about at the same time.',
      '',
    ]);
    const requests = lines.filter((l) => /^\d+\. \*\*(Must be fixed|Worth asking|For information)\.\*\*/.test(l));
    expect(requests.map((l) => /\(([^()]*)\.\)$/.exec(l)?.[1])).toEqual([
      'Clause 3.1, under “3. Access”',
      'Clause 4.1, under “4. Retention”',
      'The whole document',
      'The whole document',
      'The whole document',
      'Clause 2.1, under “2. Purpose”',
      'Clause 4.2, under “4. Retention”',
      'The whole document',
      'The whole document',
      'The whole document',
    ]);
    expect(requests[0]).toBe(
      '1. **Must be fixed.** Ask the ICB to limit access to the relevant records of each patient the purpose needs, disclosed per request, instead of "full access to the clinical system". (Clause 3.1, under “3. Access”.)',
    );
    expect(result.stdout).toContain(
      '2. **Clause 4.1, under “4. Retention”, line 54**: “Information will be kept for as long as the ICB considers necessary.”. `prose-widens-scope` (error): The text keeps the data',
    );
    // Each piece of law once, with the points that rest on it.
    expect(result.stdout).toContain('## Law and guidance\n\n- UK GDPR Art 5(1)(b), (c) and (e) (purpose limitation, data minimisation, storage limitation) (points 1, 2, 6).\n');
  });

  it('writes printable HTML with the verdict and requests before the detail', async () => {
    const dir = await importedProject();
    const result = await runCli(['lint', 'proposed.dsa.md', '-f', 'review-html', ...AS_OF], dir);
    expect(result.stdout).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;; img-src data:">');
    const first = result.stdout.slice(result.stdout.indexOf('<div class="first">'), result.stdout.indexOf('<div class="details'));
    expect(first).toContain('<div class="verdict verdict-do-not-sign" role="status"><strong>Do not sign yet</strong>Do not sign until the ICB');
    expect(first.match(/<li>/g)?.length).toBe(10);
    expect(first).not.toContain('prose-widens-scope');
    expect(first).toContain('<h3 class="weight weight-must">Must be fixed (5)</h3><ol class="requests" start="1">');
    expect(first).toContain('<h3 class="weight weight-should">Worth asking (5)</h3><ol class="requests" start="6">');
    // Ten points fit on page one, so the detail starts a page of its own.
    expect(result.stdout).toContain('<div class="details new-page"><h2>For whoever edits the agreement</h2>');
  });
});

describe('the reviewer report of a YAML agreement', () => {
  it('puts the ICO whole-system finding first, quoting the field it is about', async () => {
    const yaml = readFileSync(new URL('../../examples/medical-examiner/whole-system-access.dsa.yaml', import.meta.url), 'utf8');
    const dir = await tempProject({ 'ws.dsa.yaml': yaml });
    const result = await runCli(['lint', 'ws.dsa.yaml', '-f', 'review', ...AS_OF], dir);
    const first = result.stdout.split('\n').find((l) => l.startsWith('1. **'));
    expect(first).toBe(
      '1. **Must be fixed.** Ask the sender to limit Riverside Medical Examiner Service\'s access to the relevant records of each patient it needs, disclosed per request, instead of standing live access to the whole record of every registered patient. (The field `flows[0].access.mode`.)',
    );
    expect(result.stdout).toContain('1. **The field `flows[0].access.mode`, line 55**: “mode: live_system_access”. `whole-system-access` (error): Flow "smartcard-access" gives');
  });

  it('says so plainly when nothing was found', async () => {
    const starter = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
    const dir = await tempProject({ 'ok.dsa.yaml': starter });
    const result = await runCli(['lint', 'ok.dsa.yaml', '-f', 'review', ...AS_OF], dir);
    expect(result.stdout).toContain('## No objection found\n\ndsalint found nothing that should stop you signing.');
  });
});

describe('dsalint summary', () => {
  it('says what is wrong as well as what is shared', async () => {
    const dir = await importedProject();
    const result = await runCli(['summary', 'proposed.dsa.md', ...AS_OF], dir);
    expect(result.stdout).toContain(
      '\nDo not sign yet. Do not sign until the ICB has put right the 5 points marked\n“Must be fixed” below. 5 more points are worth asking about at the same time.\n' +
        '1. Must be fixed: Ask the ICB to limit access to the relevant records of each\n',
    );
    expect(result.stdout).toContain('(Clause 3.1, under “3. Access”.)');
  });
});
