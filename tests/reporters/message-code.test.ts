/**
 * Messages name keys and values in backticks; reports for people show those as code, not
 * as literal (or escaped) backticks.
 */
import { describe, expect, it } from 'vitest';
import { codeSpans } from '../../src/reporters/shared.js';
import { markdownReport } from '../../src/reporters/markdown.js';
import { html } from '../../src/reporters/html.js';
import type { LintRun } from '../../src/core/types.js';
import { sampleRun } from './fixtures/run.js';

function withMessage(message: string): LintRun {
  const run = sampleRun();
  const files = run.files.map((file, i) => (i === 0 && file.findings.length ? { ...file, findings: file.findings.map((f, j) => (j === 0 ? { ...f, message } : f)) } : file));
  return { ...run, files };
}

describe('code spans in messages', () => {
  it('splits a message into text and code', () => {
    expect(codeSpans('Add `breach` with a `contact`.')).toEqual([
      { code: false, value: 'Add ' },
      { code: true, value: 'breach' },
      { code: false, value: ' with a ' },
      { code: true, value: 'contact' },
      { code: false, value: '.' },
    ]);
    expect(codeSpans('no code here')).toEqual([{ code: false, value: 'no code here' }]);
    expect(codeSpans('an unmatched ` tick')).toEqual([{ code: false, value: 'an unmatched ` tick' }]);
  });

  it('renders them as inline code in the Markdown report', () => {
    const report = markdownReport(withMessage('Add `ico_notification_owner` to the breach section.'));
    expect(report).toContain('Add `ico_notification_owner` to the breach section.');
    expect(report).not.toContain('\\`ico_notification_owner\\`');
  });

  it('renders them as <code> in the HTML report', () => {
    const page = html(withMessage('Add `ico_notification_owner` to the breach section.'), { color: false, quiet: false });
    expect(page).toContain('Add <code>ico_notification_owner</code> to the breach section.');
  });
});
