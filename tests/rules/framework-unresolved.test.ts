import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLint } from '../../src/core/run.js';
import { formatRange, lintWithRule } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'framework-unresolved';

const child = (framework: string) => `dsalint: 1
id: ISA-7
title: Safeguarding referrals
framework: ${framework}
`;
const protocol = (id = 'ISP-1', framework = '') => `dsalint: 1
id: ${id}
title: Protocol
kind: overarching_protocol
${framework}security: { measures: [role_based_access, audit_logging] }
`;

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dsalint-framework-rule-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

/** `messageId severity L:C-L:C` of this rule's findings in one file of a run over `paths`. */
async function findings(files: Record<string, string>, file: string, paths = ['.']): Promise<string[]> {
  const root = await tree(files);
  const run = await runLint({ paths, cwd: root, asOf: '2026-11-01' });
  const result = run.files.find((f) => f.path === file);
  if (!result) throw new Error(`${file} was not linted`);
  expect(result.failure).toBeUndefined();
  return result.findings.filter((f) => f.ruleId === RULE).map((f) => `${f.messageId} ${f.severity} ${formatRange(f.location.range)}`);
}

describe(RULE, () => {
  it('says nothing when the protocol is found and used', async () => {
    const text = child('{ id: ISP-1, path: ../t1/isp.dsa.yaml, inherits: [security] }');
    expect(await findings({ 't1/isp.dsa.yaml': protocol(), 't2/isa.dsa.yaml': text }, 't2/isa.dsa.yaml')).toEqual([]);
  });

  it('notes, as information at the inherits list, which checks could not run when the protocol was not among the files checked', async () => {
    const text = child('{ id: ISP-1, path: ../t1/isp.dsa.yaml, inherits: [security, retention] }');
    expect(await findings({ 't1/isp.dsa.yaml': protocol(), 't2/isa.dsa.yaml': text }, 't2/isa.dsa.yaml', ['t2'])).toEqual([
      `not-checked info ${rangeOf(text, '[security, retention]')}`,
    ]);
    const outcome = await lintWithRule(RULE, text);
    expect(outcome).toEqual([`not-checked ${rangeOf(text, '[security, retention]')}`]);
  });

  it('names the checks that could not run in the message', async () => {
    const root = await tree({ 't2/isa.dsa.yaml': child('{ id: ISP-1, inherits: [breach] }') });
    const run = await runLint({ paths: ['.'], cwd: root, asOf: '2026-11-01' });
    const [finding] = run.files[0]!.findings.filter((f) => f.ruleId === RULE);
    expect(finding?.message).toBe(
      'This agreement takes breach handling from the overarching protocol ISP-1, but `framework.path` does not say where its file is, so these checks ' +
        'could not run on it: breach-clause-missing, breach-notification-window. Check the protocol together with this agreement (for example lint the ' +
        'folder that holds both) to run them.',
    );
  });

  it('says nothing when the agreement inherits nothing and names no path', async () => {
    expect(await lintWithRule(RULE, child('{ id: ISP-1 }'))).toEqual([]);
  });

  it('reports a path to no file inside the linted folder, at the path', async () => {
    const text = child('{ id: ISP-1, path: ../t1/missing.dsa.yaml, inherits: [security] }');
    expect(await findings({ 't2/isa.dsa.yaml': text }, 't2/isa.dsa.yaml')).toEqual([`not-found error ${rangeOf(text, '../t1/missing.dsa.yaml')}`]);
  });

  it('reports an absolute path or a web address, and reads neither', async () => {
    for (const path of ['/etc/passwd', 'https://example.org/isp.dsa.yaml']) {
      const text = child(`{ id: ISP-1, path: "${path}" }`);
      expect(await findings({ 'isa.dsa.yaml': text }, 'isa.dsa.yaml')).toEqual([`not-relative error ${rangeOf(text, `"${path}"`)}`]);
    }
  });

  it('reports a file that is a different agreement, at the id', async () => {
    const text = child('{ id: ISP-1, path: isp.dsa.yaml }');
    expect(await findings({ 'isp.dsa.yaml': protocol('ISP-9'), 'isa.dsa.yaml': text }, 'isa.dsa.yaml')).toEqual([`id-mismatch error ${rangeOf(text, 'ISP-1')}`]);
  });

  it('reports a protocol that is not a valid agreement as a warning, with what could not run', async () => {
    const text = child('{ id: ISP-1, path: isp.dsa.yaml, inherits: [security] }');
    expect(await findings({ 'isp.dsa.yaml': 'dsalint: 1\nid: ISP-1\n', 'isa.dsa.yaml': text }, 'isa.dsa.yaml')).toEqual([`invalid warning ${rangeOf(text, 'isp.dsa.yaml')}`]);
  });

  it('reports a circle of protocols in each file of it, without looping', async () => {
    const a = protocol('ISP-A', 'framework: { id: ISP-B, path: b.dsa.yaml }\n');
    const b = protocol('ISP-B', 'framework: { id: ISP-A, path: a.dsa.yaml }\n');
    const self = protocol('ISP-S', 'framework: { id: ISP-S, path: s.dsa.yaml }\n');
    const files = { 'a.dsa.yaml': a, 'b.dsa.yaml': b, 's.dsa.yaml': self };
    expect(await findings(files, 'a.dsa.yaml')).toEqual([`cycle error ${rangeOf(a, 'b.dsa.yaml')}`]);
    expect(await findings(files, 'b.dsa.yaml')).toEqual([`cycle error ${rangeOf(b, 'a.dsa.yaml')}`]);
    expect(await findings(files, 's.dsa.yaml')).toEqual([`cycle error ${rangeOf(self, 's.dsa.yaml')}`]);
  });
});

describe(`${RULE}: hostile paths`, () => {
  it('reports a path to a folder as no file there, and never opens it', async () => {
    const text = child('{ id: ISP-1, path: t1 }');
    expect(await findings({ 't1/readme.dsa.yaml': protocol(), 'isa.dsa.yaml': text }, 'isa.dsa.yaml')).toEqual([`not-found error ${rangeOf(text, 't1')}`]);
  });
});
