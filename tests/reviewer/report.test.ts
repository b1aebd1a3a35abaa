/**
 * The reviewer's report: verdict first, the points as requests in order of weight and
 * importance, each at its clause with the document's words (imported) or at its field with
 * its value (YAML); technical detail after.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { importDocument } from '../../src/import/index.js';
import { buildDocx } from '../import/documents.js';
import { readFileSync } from 'node:fs';

const AS_OF = ['--as-of', '2026-11-01'];

async function importedProject(): Promise<string> {
  const { text } = await importDocument(await buildDocx(), 'proposed.docx');
  return tempProject({ 'proposed.dsa.md': text });
}

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
    const requests = lines.filter((l) => /^\d+\. \*\*/.test(l));
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
      '1. **Must be fixed.** Ask for access to be limited to the relevant records of each patient the purpose needs, disclosed per request, instead of "full access to the clinical system". (Clause 3.1, under “3. Access”.)',
    );
    expect(result.stdout).toContain(
      '### 2. Clause 4.1, under “4. Retention”\n\n> Information will be kept for as long as the ICB considers necessary.\n\n`prose-widens-scope` (error, line 51, column 30). The text keeps the data',
    );
    expect(result.stdout).toContain('## Law and guidance\n\n- `prose-widens-scope`: UK GDPR Art 5(1)(b), (c) and (e)');
  });

  it('writes printable HTML with the verdict and requests before the detail', async () => {
    const dir = await importedProject();
    const result = await runCli(['lint', 'proposed.dsa.md', '-f', 'review-html', ...AS_OF], dir);
    expect(result.stdout).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;; img-src data:">');
    const first = result.stdout.slice(result.stdout.indexOf('<div class="first">'), result.stdout.indexOf('<div class="details">'));
    expect(first).toContain('<div class="verdict verdict-do-not-sign" role="status"><strong>Do not sign yet</strong>Do not sign until the ICB');
    expect(first.match(/<li>/g)?.length).toBe(10);
    expect(first).not.toContain('prose-widens-scope');
  });
});

describe('the reviewer report of a YAML agreement', () => {
  it('puts the ICO whole-system finding first, quoting the field it is about', async () => {
    const yaml = readFileSync(new URL('../../examples/medical-examiner/whole-system-access.dsa.yaml', import.meta.url), 'utf8');
    const dir = await tempProject({ 'ws.dsa.yaml': yaml });
    const result = await runCli(['lint', 'ws.dsa.yaml', '-f', 'review', ...AS_OF], dir);
    const first = result.stdout.split('\n').find((l) => l.startsWith('1. **'));
    expect(first).toBe(
      '1. **Must be fixed.** Ask for Riverside Medical Examiner Service to see only the relevant records of each patient it needs, disclosed per request, instead of standing live access to the whole record of every registered patient. (The field `flows[0].access.mode`.)',
    );
    expect(result.stdout).toContain('### 1. The field `flows[0].access.mode`\n\n> mode: live_system_access\n');
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
        '1. Must be fixed: Ask for access to be limited to the relevant records of\n',
    );
    expect(result.stdout).toContain('(Clause 3.1, under “3. Access”.)');
  });
});
