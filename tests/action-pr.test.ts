/**
 * The Action on a pull request, in a simulated runner: a temporary git repository, the
 * event payload file, GITHUB_BASE_REF, the output and summary files, and a local HTTP stub
 * standing in for the GitHub API, so the comment request itself is checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { runAction } from '../src/action/main.js';
import { COMMENT_LIMIT, COMMENT_MARKER, annotationsNotShown, commentBody } from '../src/action/pull-request.js';
import { sampleRun } from './reporters/fixtures/run.js';

const AS_OF = '2026-11-01';
const EXAMPLES = new URL('../examples/', import.meta.url);
const example = (path: string): string => readFileSync(new URL(path, EXAMPLES), 'utf8');
const GOOD = example('medical-examiner/me-scrutiny.dsa.yaml');
const BAD = example('medical-examiner/whole-system-access.dsa.yaml');

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).trim();
}

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** A repository: `base` committed on main, then `change` committed on a branch; returns the folder and the base commit. */
async function pullRequestRepo(base: Record<string, string>, change: Record<string, string>): Promise<{ dir: string; baseSha: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'dsalint-pr-'));
  git(dir, 'init', '-q', '-b', 'main');
  await write(dir, { '.dsalint.yaml': `extends: recommended\nas_of: ${AS_OF}\n`, ...base });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'change');
  await write(dir, change);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'change');
  return { dir, baseSha };
}

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A stand-in for api.github.com on 127.0.0.1: lists `existing` comments, records every request. */
class GitHubStub {
  readonly requests: Recorded[] = [];
  existing: { id: number; body: string }[] = [];
  status = 200;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.setHeader('Content-Type', 'application/json');
        if (this.status !== 200) {
          res.statusCode = this.status;
          res.end('{"message":"Resource not accessible by integration"}');
        } else if (req.method === 'GET') res.end(JSON.stringify(this.existing));
        else res.end(JSON.stringify({ id: 99, html_url: 'https://github.com/o/r/pull/7#issuecomment-99' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

interface Runner {
  readonly code: number;
  readonly stdout: string;
  readonly summary: string;
  readonly outputs: string;
}

async function simulatePullRequest(dir: string, baseSha: string, api: string, inputs: Record<string, string>): Promise<Runner> {
  const runnerTemp = await mkdtemp(join(tmpdir(), 'dsalint-runner-'));
  const files = { event: join(runnerTemp, 'event.json'), summary: join(runnerTemp, 'summary'), output: join(runnerTemp, 'output') };
  await writeFile(files.event, JSON.stringify({ number: 7, pull_request: { number: 7, base: { sha: baseSha, ref: 'main' } }, repository: { full_name: 'o/r' } }));
  await writeFile(files.summary, '');
  await writeFile(files.output, '');
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_BASE_REF: 'main',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    GITHUB_API_URL: api,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    'INPUT_AS-OF': AS_OF,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  let stdout = '';
  const code = await runAction({ env, cwd: dir, stdout: (t) => (stdout += t) });
  return { code, stdout, summary: await readFile(files.summary, 'utf8'), outputs: await readFile(files.output, 'utf8') };
}

/** The annotation lines, as `level file`. */
function annotated(stdout: string): string[] {
  return stdout.split('\n').flatMap((line) => {
    const m = /^::(error|warning|notice) file=([^,]+),/.exec(line);
    return m ? [`${m[1]} ${m[2]}`] : [];
  });
}

describe('the Action on a pull request', () => {
  const stub = new GitHubStub();
  let api = '';
  beforeAll(async () => {
    api = await stub.start();
  });
  afterAll(async () => stub.stop());

  it('lints and annotates only the changed agreement, compared with the base commit', async () => {
    const widened = GOOD.replace('death_details]', 'death_details, mental_health]');
    const { dir, baseSha } = await pullRequestRepo({ 'a/good.dsa.yaml': GOOD, 'b/bad.dsa.yaml': BAD }, { 'a/good.dsa.yaml': widened });
    const result = await simulatePullRequest(dir, baseSha, api, {});
    const files = new Set(annotated(result.stdout).map((a) => a.split(' ')[1]));
    expect([...files]).toEqual(['a/good.dsa.yaml']);
    expect(result.stdout).toContain('Since ' + baseSha + ', this version adds the special category data "mental_health"');
    expect(result.summary).toContain('## What changed in meaning');
    expect(result.summary).toContain('* adds the special category data "mental_health" to the data "death-review-summary"');
    expect(result.code).toBe(1);
  });

  it('annotates the changed files first when asked to lint everything, and says how many GitHub will not show', async () => {
    const many = BAD.replace(/^title: .*$/m, 'title: Another whole-system agreement').replace(/^id: .*$/m, 'id: OTHER-1');
    const { dir, baseSha } = await pullRequestRepo({ 'a/bad.dsa.yaml': BAD, 'b/bad.dsa.yaml': many }, { 'b/bad.dsa.yaml': `${many}# touched\n` });
    const result = await simulatePullRequest(dir, baseSha, api, { 'only-changed': 'false' });
    const lines = annotated(result.stdout);
    const firstOther = lines.findIndex((l) => l.endsWith('a/bad.dsa.yaml'));
    expect(lines.slice(0, firstOther).every((l) => l.endsWith('b/bad.dsa.yaml'))).toBe(true);
    expect(lines.slice(firstOther).every((l) => l.endsWith('a/bad.dsa.yaml'))).toBe(true);
    const hidden = annotationsNotShown(result.stdout.split('\n').filter((l) => l.includes(' file=')));
    expect(hidden).toBeGreaterThan(0);
    const sentence = `GitHub shows at most 10 annotations of each kind (error, warning, notice) per step, so ${hidden} findings are not annotated on the pull request; the most important are annotated first, and every finding is in the job summary.`;
    expect(result.stdout).toContain(`\n${sentence}\n`);
    expect(result.summary.startsWith(`> ${sentence}\n`)).toBe(true);
  });

  it('posts one comment with the report, then updates it in place on the next run', async () => {
    const { dir, baseSha } = await pullRequestRepo({ 'a/good.dsa.yaml': GOOD }, { 'a/good.dsa.yaml': GOOD.replace('history_window: P2Y\n    justification', 'history_window: P5Y\n    justification') });
    stub.requests.length = 0;
    stub.existing = [{ id: 5, body: 'A reviewer\'s comment' }];
    const first = await simulatePullRequest(dir, baseSha, api, { comment: 'true', 'github-token': 'secret-token' });
    expect(stub.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /repos/o/r/issues/7/comments?per_page=100&page=1', 'POST /repos/o/r/issues/7/comments']);
    const posted = stub.requests[1]!;
    expect(posted.headers['authorization']).toBe('Bearer secret-token');
    expect(posted.headers['x-github-api-version']).toBe('2022-11-28');
    const body = (JSON.parse(posted.body) as { body: string }).body;
    expect(body.startsWith(`${COMMENT_MARKER}\n## What changed in meaning`)).toBe(true);
    expect(body).toContain('changes how far back the data goes in the data "death-review-summary" from "P2Y" to "P5Y"');
    expect(first.outputs).toMatch(/comment-url<<(\S+)\nhttps:\/\/github\.com\/o\/r\/pull\/7#issuecomment-99\n\1\n/);

    stub.requests.length = 0;
    stub.existing = [{ id: 5, body: 'A reviewer\'s comment' }, { id: 6, body: `${COMMENT_MARKER}\nold report` }];
    await simulatePullRequest(dir, baseSha, api, { comment: 'true', 'github-token': 'secret-token' });
    expect(stub.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /repos/o/r/issues/7/comments?per_page=100&page=1', 'PATCH /repos/o/r/issues/comments/6']);
  });

  it('warns, without failing the step for it, when GitHub refuses the comment', async () => {
    const { dir, baseSha } = await pullRequestRepo({ 'a/good.dsa.yaml': GOOD }, { 'a/good.dsa.yaml': `${GOOD}# touched\n` });
    stub.status = 403;
    try {
      const result = await simulatePullRequest(dir, baseSha, api, { comment: 'true', 'github-token': 't' });
      expect(result.stdout).toContain(
        '::warning title=dsalint::dsalint did not post the pull-request comment: GitHub answered 403 Forbidden (the workflow needs `permissions: pull-requests: write`; pull requests from forks get a read-only token).',
      );
      expect(result.code).toBe(0);
    } finally {
      stub.status = 200;
    }
  });

  it('fails plainly, with exit code 2, when the base commit is not in the checkout', async () => {
    const { dir } = await pullRequestRepo({ 'a/good.dsa.yaml': GOOD }, { 'a/good.dsa.yaml': `${GOOD}# touched\n` });
    const result = await simulatePullRequest(dir, 'f'.repeat(40), api, {});
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`::error title=dsalint::dsalint: --base "${'f'.repeat(40)}": there is no branch, tag or commit called`);
  });
});

describe('the pull-request comment', () => {
  it('fits under GitHub\'s 65,536-character limit, saying where the rest is', () => {
    const run = sampleRun();
    const full = commentBody(run, '', undefined);
    expect(full.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const small = commentBody(run, '', 'https://github.com/o/r/actions/runs/42', 6000);
    expect(small.length).toBeLessThanOrEqual(6000);
    expect(small).toContain('the full report is in the [job summary](https://github.com/o/r/actions/runs/42)');
  });
});

describe('the order of findings', () => {
  it('puts the headline whole-system-access error first in every report and the first annotation', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dsalint-order-'));
    await write(dir, { '.git/HEAD': 'ref: refs/heads/main\n', 'a.dsa.yaml': BAD });
    let stdout = '';
    await runAction({ env: { 'INPUT_AS-OF': AS_OF, 'INPUT_JOB-SUMMARY': 'false' }, cwd: dir, stdout: (t) => (stdout += t) });
    const first = stdout.split('\n').find((l) => l.startsWith('::error file='));
    expect(first).toMatch(/^::error file=a\.dsa\.yaml,line=55,col=21,endLine=55,endColumn=39,title=.*\(whole-system-access\)::/);
    const { runCli } = await import('./helpers/cli.js');
    const json = JSON.parse((await runCli(['lint', '-f', 'json', '--as-of', AS_OF, 'a.dsa.yaml'], dir)).stdout) as { files: { findings: { ruleId: string; severity: string }[] }[] };
    const findings = json.files[0]!.findings;
    expect(findings[0]!.ruleId).toBe('whole-system-access');
    // Severity first: every error before every warning.
    const lastError = findings.map((f) => f.severity).lastIndexOf('error');
    expect(findings.slice(0, lastError + 1).every((f) => f.severity === 'error')).toBe(true);
  });
});
