/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the pull
 * request's changed lines and in the run's summary. Escaped exactly as @actions/core does
 * (toolkit `command.ts`): `%`, CR and LF in the message; those and `:` and `,` in
 * properties.
 *
 * Errors are `::error`, warnings `::warning`, information and needs-review findings
 * `::notice`; waived findings are not annotated. GitHub shows at most 10 annotations of
 * each level per step (50 per job), so the most severe and most important are written first.
 */
import type { Finding, LintRun } from '../core/types.js';
import { countFindings } from '../core/counts.js';
import type { Reporter } from './types.js';
import { groupOf, judged, plainText, plural, ruleMap } from './shared.js';
import { revealHidden } from '../core/summary.js';

type Command = 'error' | 'warning' | 'notice';

/** Toolkit `escapeData`: for the message after `::`. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Toolkit `escapeProperty`: for `key=value` properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(command: string, properties: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(revealHidden(String(v)))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(revealHidden(message))}`;
}

function commandFor(f: Finding): Command | undefined {
  const group = groupOf(f);
  if (group === 'waived') return undefined;
  return group === 'error' ? 'error' : group === 'warning' ? 'warning' : 'notice';
}

const RANK: Record<Command, number> = { error: 0, warning: 1, notice: 2 };

export interface AnnotationOptions {
  /** Files annotated before all others (a pull request's changed files). */
  readonly first?: ReadonlySet<string>;
  /** Annotate these files only. */
  readonly only?: ReadonlySet<string>;
}

export function githubAnnotations(run: LintRun, options: AnnotationOptions = {}): string[] {
  const rules = ruleMap(run);
  const lines: { first: number; rank: number; importance: number; order: number; text: string }[] = [];
  let order = 0;
  for (const file of run.files) {
    if (options.only && !options.only.has(file.path)) continue;
    const first = options.first && !options.first.has(file.path) ? 1 : 0;
    if (file.failure) {
      lines.push({ first, rank: -1, importance: 0, order: order++, text: workflowCommand('error', { file: file.path, title: 'dsalint could not check this file' }, file.failure.message) });
    }
    for (const f of file.findings) {
      const command = commandFor(f);
      if (!command) continue;
      const rule = rules.get(f.ruleId);
      const { start, end } = f.location.range;
      const sameLine = start.line === end.line;
      const label = f.kind === 'review' ? 'Needs review: ' : '';
      const fix = rule?.fix ? `\n\nHow to fix: ${plainText(rule.fix)}` : '';
      const more = rule?.helpUri ? `\nMore: ${rule.helpUri}` : '';
      lines.push({
        first,
        rank: RANK[command],
        importance: rule?.importance ?? Number.MAX_SAFE_INTEGER,
        order: order++,
        text: workflowCommand(
          command,
          {
            file: file.path,
            line: start.line,
            // GitHub uses columns only when the annotation is on one line.
            col: sameLine ? start.column : undefined,
            endLine: end.line,
            endColumn: sameLine ? end.column : undefined,
            title: `${label}${rule?.title ?? f.ruleId} (${f.ruleId})`,
          },
          `${f.message}${fix}${more}`,
        ),
      });
    }
  }
  // Changed files first; then, across files, the most severe and most important first.
  return lines.sort((a, b) => a.first - b.first || a.rank - b.rank || a.importance - b.importance || a.order - b.order).map((l) => l.text);
}

export const github: Reporter = (run) => {
  const c = countFindings(run);
  const summary = `dsalint: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.review, 'point')} to review, ${plural(c.info, 'note')}${c.suppressed ? `, ${c.suppressed} waived` : ''}${c.failures ? `, ${plural(c.failures, 'file')} not checked` : ''}. ${judged(run)}`;
  // The closing line is plain log text; it must not look like a command.
  return [...githubAnnotations(run), summary].join('\n') + '\n';
};
