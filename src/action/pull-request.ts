/**
 * The Action on a pull request: which commit the change is based on (from the event
 * payload), annotations for the changed files first within GitHub's display limits, and one
 * pull-request comment, posted or updated in place, fitted under GitHub's size limit.
 *
 * Everything comes from the environment the runner sets (GITHUB_EVENT_NAME,
 * GITHUB_EVENT_PATH, GITHUB_BASE_REF, GITHUB_REPOSITORY, GITHUB_API_URL, ...); the token
 * is the `github-token` input. The only network request is the comment, to GITHUB_API_URL.
 */
import { readFile } from 'node:fs/promises';
import type { LintRun } from '../core/types.js';
import { countFindings } from '../core/run.js';
import { markdownReport } from '../reporters/markdown.js';
import { plural } from '../reporters/shared.js';

export interface PullRequest {
  readonly number: number;
  /** The base commit, from the event payload (or `origin/<GITHUB_BASE_REF>` without one). */
  readonly base: string;
  /** `owner/name`. */
  readonly repository: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The pull request this run is for, or undefined on any other event. */
export async function pullRequestOf(env: Env): Promise<PullRequest | undefined> {
  const event = env['GITHUB_EVENT_NAME'];
  if (event !== 'pull_request' && event !== 'pull_request_target') return undefined;
  let payload: { pull_request?: { number?: unknown; base?: { sha?: unknown } }; number?: unknown; repository?: { full_name?: unknown } } = {};
  const path = env['GITHUB_EVENT_PATH'];
  if (path) {
    try {
      payload = JSON.parse(await readFile(path, 'utf8')) as typeof payload;
    } catch {
      payload = {};
    }
  }
  const number = Number(payload.pull_request?.number ?? payload.number);
  const sha = payload.pull_request?.base?.sha;
  const baseRef = env['GITHUB_BASE_REF'];
  const base = typeof sha === 'string' && /^[0-9a-f]{40}$/i.test(sha) ? sha : baseRef ? `origin/${baseRef}` : undefined;
  const repository = typeof payload.repository?.full_name === 'string' ? payload.repository.full_name : env['GITHUB_REPOSITORY'];
  if (!Number.isInteger(number) || number <= 0 || !base || !repository) return undefined;
  return { number, base, repository };
}

/** GitHub shows at most this many annotations of each level (error, warning, notice) per step. */
export const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

/** How many of these annotations GitHub will not show: those past the tenth of each level. */
export function annotationsNotShown(annotations: readonly string[]): number {
  const perLevel = new Map<string, number>();
  for (const a of annotations) {
    const level = /^::(error|warning|notice)\b/.exec(a)?.[1];
    if (level) perLevel.set(level, (perLevel.get(level) ?? 0) + 1);
  }
  let hidden = 0;
  for (const count of perLevel.values()) hidden += Math.max(0, count - ANNOTATIONS_SHOWN_PER_LEVEL);
  return hidden;
}

/** GitHub's limit on a pull-request comment's body. */
export const COMMENT_LIMIT = 65_536;

/** Marks dsalint's comment, so a later run updates it instead of adding another. */
export const COMMENT_MARKER = '<!-- dsalint: pull-request report -->';

/**
 * The comment: the change list (when there is one) and the review report, shortened until
 * it fits under GitHub's limit, saying where the rest is.
 */
export function commentBody(run: LintRun, changes: string, runUrl: string | undefined, limit = COMMENT_LIMIT): string {
  const where = runUrl ? `the [job summary](${runUrl})` : 'the job summary';
  const attempts = [{}, { maxFindingsPerFile: 50 }, { maxFindingsPerFile: 10, summaries: false }, { maxFindingsPerFile: 3, summaries: false }, { maxFindingsPerFile: 0, summaries: false }];
  for (const [i, options] of attempts.entries()) {
    const note = i === 0 ? '' : `\n\n_This comment is shortened to fit GitHub's limit; the full report is in ${where}._\n`;
    for (const withChanges of changes ? [true, false] : [false]) {
      const body = `${COMMENT_MARKER}\n${withChanges ? `${changes}\n` : ''}${markdownReport(run, options)}${note}`;
      if (body.length <= limit) return body;
    }
  }
  const c = countFindings(run);
  return `${COMMENT_MARKER}\n## dsalint review\n\n${plural(c.error, 'error')}, ${plural(c.warning, 'warning')} and ${plural(c.review, 'point')} to review. The report is too large for a comment; it is in ${where}.\n`;
}

export interface CommentResult {
  readonly url?: string;
  /** Why the comment was not posted, in plain words. */
  readonly problem?: string;
}

interface IssueComment {
  readonly id: number;
  readonly body?: string;
  readonly html_url?: string;
}

/** Post the comment, or update dsalint's earlier comment on the same pull request. */
export async function postComment(env: Env, pr: PullRequest, token: string, body: string): Promise<CommentResult> {
  const api = (env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/+$/, '');
  const headers = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/vnd.github+json',
    'Content-Type': 'application/json',
    'User-Agent': 'dsalint-action',
    'X-GitHub-Api-Version': '2022-11-28',
  };
  const request = async (method: string, url: string, payload?: unknown): Promise<unknown> => {
    const response = await fetch(url, { method, headers, ...(payload ? { body: JSON.stringify(payload) } : {}), signal: AbortSignal.timeout(30_000) });
    if (!response.ok) {
      const hint = response.status === 403 || response.status === 404 ? ' (the workflow needs `permissions: pull-requests: write`; pull requests from forks get a read-only token)' : '';
      throw new Error(`GitHub answered ${response.status} ${response.statusText}${hint}`);
    }
    return response.json();
  };
  try {
    const repo = pr.repository.split('/').map(encodeURIComponent).join('/');
    let existing: IssueComment | undefined;
    // The first ten pages (1,000 comments) are searched for the earlier comment.
    for (let page = 1; page <= 10 && !existing; page++) {
      const list = (await request('GET', `${api}/repos/${repo}/issues/${pr.number}/comments?per_page=100&page=${page}`)) as IssueComment[];
      existing = list.find((c) => typeof c.body === 'string' && c.body.startsWith(COMMENT_MARKER));
      if (list.length < 100) break;
    }
    const saved = (
      existing
        ? await request('PATCH', `${api}/repos/${repo}/issues/comments/${existing.id}`, { body })
        : await request('POST', `${api}/repos/${repo}/issues/${pr.number}/comments`, { body })
    ) as IssueComment;
    return saved.html_url ? { url: saved.html_url } : {};
  } catch (error) {
    return { problem: (error as Error).message };
  }
}
