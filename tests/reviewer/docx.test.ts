/**
 * The reviewer's report as a Word letter (`--format review-docx -o letter.docx`), read back
 * with mammoth as a reviewer's Word would show it: the verdict first, then the requests, most
 * important first. Binary, so only ever written to a file, and never over one without --force.
 */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { runCli } from '../helpers/cli.js';
import { AS_OF, importedProject } from './project.js';

describe('the reviewer report as a Word letter', () => {
  it('puts the verdict first, then the requests in order, each with its clause', async () => {
    const dir = await importedProject();
    const result = await runCli(['lint', 'proposed.dsa.md', '--format', 'review-docx', '-o', 'letter.docx', ...AS_OF], dir);
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    const { value } = await mammoth.extractRawText({ buffer: await readFile(join(dir, 'letter.docx')) });
    const paragraphs = value.split('\n').filter(Boolean);
    expect(paragraphs.slice(0, 6)).toEqual([
      'Review of “Data Sharing Agreement: Medical Examiner Scrutiny”',
      'Imported from proposed.docx. Checked by dsalint as of 1 November 2026.',
      'Do not sign yet',
      'Do not sign until the ICB has put right the 5 points marked “Must be fixed” below. 5 more points are worth asking about at the same time.',
      'What to ask for',
      'Must be fixed (5)',
    ]);
    expect(paragraphs[6]).toBe(
      '1. Ask the ICB to limit access to the relevant records of each patient the purpose needs, disclosed per request, instead of "full access to the clinical system". (Clause 3.1, under “3. Access”)',
    );
    expect(paragraphs).toContain('Worth asking (5)');
    expect(paragraphs).toContain('For whoever edits the agreement');
    expect(paragraphs.indexOf('Law and guidance')).toBeGreaterThan(paragraphs.indexOf('For whoever edits the agreement'));
  });

  it('gives the same bytes for the same run, whatever the clock and time zone', async () => {
    const dir = await importedProject();
    await runCli(['lint', 'proposed.dsa.md', '--format', 'review-docx', '-o', 'a.docx', ...AS_OF], dir);
    const tz = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Kiritimati'; // UTC+14: another date than UTC for part of every day
    try {
      await new Promise((r) => setTimeout(r, 1100)); // and another second on the clock
      await runCli(['lint', 'proposed.dsa.md', '--format', 'review-docx', '-o', 'b.docx', ...AS_OF], dir);
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
    expect(Buffer.compare(await readFile(join(dir, 'a.docx')), await readFile(join(dir, 'b.docx')))).toBe(0);
  });

  it('is written only to a file, and never over one without --force', async () => {
    const dir = await importedProject();
    expect(await runCli(['lint', 'proposed.dsa.md', '--format', 'review-docx', ...AS_OF], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'dsalint: --format review-docx writes a Word document: say where with -o, such as -o review.docx.\n',
    });
    await writeFile(join(dir, 'proposed.docx'), 'the document the ICB sent');
    expect(await runCli(['lint', 'proposed.dsa.md', '--format', 'review-docx', '-o', 'proposed.docx', ...AS_OF], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'dsalint: proposed.docx already exists; dsalint does not overwrite files unless you add --force.\n',
    });
    expect(await readFile(join(dir, 'proposed.docx'), 'utf8')).toBe('the document the ICB sent');
    expect((await runCli(['lint', 'proposed.dsa.md', '--format', 'review-docx', '-o', 'proposed.docx', '--force', ...AS_OF], dir)).code).toBe(1);
    expect((await readFile(join(dir, 'proposed.docx'))).subarray(0, 2).toString()).toBe('PK');
  });
});
