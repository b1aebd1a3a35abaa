/** `dsalint render`: the YAML as a readable agreement, in the template's section order, every field labelled. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli, tempProject } from '../helpers/cli.js';
import { renderMarkdown } from '../../src/render/index.js';

const ME = readFileSync(new URL('../../examples/medical-examiner/me-scrutiny.dsa.yaml', import.meta.url), 'utf8');

describe('dsalint render', () => {
  it('writes the sections in the template order, with labels instead of codes', async () => {
    const dir = await tempProject({ 'me.dsa.yaml': ME });
    const result = await runCli(['render', 'me.dsa.yaml'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## 1. About this agreement',
      '## 2. The parties',
      '## 3. Purpose and legal basis',
      '## 4. Whose data is shared',
      '## 5. What data is shared',
      '## 6. How the data is shared',
      '## 7. Security',
      '## 8. Retention and disposal',
      "## 9. Patients' rights and transparency",
      '## 10. Personal data breaches',
      '## 11. Data protection impact assessment',
      '## 12. Review and termination',
      '## 13. Sign-off',
      '## 14. Version history',
    ]);
    expect(result.stdout).toContain('## 1. About this agreement\n\n- **ID:** RIV-ME-2026-014\n- **Version:** 1.2.0\n- **Status:** Active\n');
    expect(result.stdout).toContain('### 2.1 Riverside Medical Practice\n\n- **ID:** riverside\n- **Name:** Riverside Medical Practice\n- **ODS code:** Y01234\n- **Org type:** GP practice\n');
    expect(result.stdout).toContain('- **Scope:** One identified person per request\n- **Vital status:** Deceased patients\n');
  });

  it('keeps a key no section names, under Other terms, and leaves out empty sections', () => {
    const md = renderMarkdown({ dsalint: 1, id: 'X-1', title: 'Example', future_key: 'kept', imported: { from: 'a.docx' } });
    expect(md).toBe('# Example\n\n## 1. About this agreement\n\n- **ID:** X-1\n\n## 2. Other terms\n\n- **Future key:** kept\n');
  });

  it('writes HTML with a policy that loads nothing, and refuses an agreement that does not follow the format', async () => {
    const dir = await tempProject({ 'me.dsa.yaml': ME, 'bad.dsa.yaml': 'dsalint: 1\nid: X\n' });
    const html = await runCli(['render', 'me.dsa.yaml', '--format', 'html'], dir);
    expect(html.stdout).toMatch(/^<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;; img-src data:">/);
    expect(html.stdout).toContain('<h2>3. Purpose and legal basis</h2>');
    expect(await runCli(['render', 'bad.dsa.yaml'], dir)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'dsalint: bad.dsa.yaml does not follow the dsalint format yet, so it cannot be rendered. Run dsalint lint bad.dsa.yaml to see what to fix.\n',
    });
  });
});
