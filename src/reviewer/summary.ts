/** What `dsalint summary` adds after what an agreement allows: what is wrong with it, as the reviewer's report words it. */
import type { FileResult, LintRun } from '../core/types.js';
import { wrapText } from '../core/summary.js';
import { reviewRun, WEIGHT_LABELS } from './model.js';

export function problemsSummary(run: LintRun, file: FileResult, width = 80): string {
  const [review] = reviewRun({ ...run, files: [file] });
  if (!review) return '';
  const lines = [`${review.verdict.headline}. ${review.verdict.text}`].map((t) => wrapText(t, width));
  review.points.forEach((p, i) => {
    const item = `${i + 1}. ${WEIGHT_LABELS[p.weight]}: ${p.request.replace(/`/g, '')} (${p.where.replace(/`/g, '')}.)`;
    lines.push(wrapText(item, width - 3).replace(/\n/g, '\n   '));
  });
  return lines.join('\n');
}
