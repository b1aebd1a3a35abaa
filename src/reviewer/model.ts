/**
 * The reviewer's report as data: for each agreement a verdict a GP can act on ("Do not sign
 * until ..."), then the points in order of importance, each as a request they can send,
 * with where it is (a clause and the document's words, or a field and its value) and, apart,
 * the technical detail. Pure: a function of the run, as every reporter is.
 */
import type { Agreement } from '../generated/agreement.js';
import type { FileResult, Finding, LintRun, RuleCitation, Severity } from '../core/types.js';
import { SEVERITY_RANK } from '../core/types.js';
import { drafterOf } from '../core/rule.js';
import { agreementFiles, citationLabel, plural } from '../reporters/shared.js';

export type VerdictKind = 'do-not-sign' | 'ask-first' | 'no-objection' | 'not-checked';

export interface ReviewPoint {
  /** "must" blocks signing; "should" is worth asking about; "note" is for information. */
  readonly weight: 'must' | 'should' | 'note';
  /** What to ask for, in words the reviewer can send. */
  readonly request: string;
  /** Where it is, for someone holding the document: "Clause 4.1, under “4. Retention”", "The whole document", "The field flows[0].access.mode". */
  readonly where: string;
  /** The document's words, or the field's value. */
  readonly quote?: string;
  /** Technical detail, printed apart. */
  readonly ruleId: string;
  readonly ruleTitle: string;
  readonly severity: Severity;
  readonly path?: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly citations: readonly string[];
  readonly citationLinks: readonly RuleCitation[];
}

export interface AgreementReview {
  readonly file: string;
  readonly title: string;
  /** The document it was imported from, when it was. */
  readonly importedFrom?: string;
  readonly verdict: { readonly kind: VerdictKind; readonly headline: string; readonly text: string };
  readonly points: readonly ReviewPoint[];
  readonly notes: readonly string[];
  readonly waived: number;
}

const WEIGHT_RANK = { must: 0, should: 1, note: 2 } as const;

function weightOf(f: Finding): ReviewPoint['weight'] {
  if (f.severity === 'error' && f.kind !== 'review') return 'must';
  if (f.severity === 'info') return 'note';
  return 'should';
}

/** Who the reviewer asks: the ICB when one is a party, else the organisation that sent the agreement. */
export function senderOf(agreement: Agreement | undefined): string {
  return drafterOf((agreement?.parties ?? []).map((p) => p.org_type));
}

/** The value at a dotted path such as `flows[0].access.mode`, when it is a plain value. */
function valueAt(data: unknown, path: string): string | undefined {
  let node: unknown = data;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node) && node.length <= 8 && node.every((v) => typeof v === 'string' || typeof v === 'number')) return `[${node.join(', ')}]`;
  return undefined;
}

function whereOf(f: Finding, agreement: Agreement | undefined): { where: string; quote?: string } {
  if (f.excerpt) {
    const { clause, heading, quote } = f.excerpt;
    const place = clause ? `Clause ${clause}${heading ? `, under “${heading}”` : ''}` : heading ? `Under “${heading}”` : 'In the text';
    return { where: place, quote };
  }
  const path = f.location.path;
  if (agreement?.imported && (path === 'imported' || path === '' || path === undefined)) return { where: 'The whole document' };
  if (!path) return { where: `Line ${f.location.range.start.line}` };
  const value = valueAt(agreement, path);
  return { where: `The field \`${path}\``, ...(value !== undefined ? { quote: `${path.replace(/^.*\./, '')}: ${value}` } : {}) };
}

function verdictOf(file: FileResult, points: readonly ReviewPoint[], sender: string): AgreementReview['verdict'] {
  if (file.failure) return { kind: 'not-checked', headline: 'Not checked', text: `dsalint could not read this file: ${file.failure.message}` };
  if (!file.agreement) {
    return {
      kind: 'not-checked',
      headline: 'Not checked',
      text: 'dsalint could not check the agreement because its structured part does not follow the format; the points below say what to fix.',
    };
  }
  const must = points.filter((p) => p.weight === 'must').length;
  const should = points.filter((p) => p.weight === 'should').length;
  if (must) {
    return {
      kind: 'do-not-sign',
      headline: 'Do not sign yet',
      text:
        `Do not sign until ${sender} has put right the ${must === 1 ? 'point' : `${must} points`} marked “Must be fixed” below.` +
        (should ? ` ${plural(should, 'more point')} ${should === 1 ? 'is' : 'are'} worth asking about at the same time.` : ''),
    };
  }
  if (should) {
    return {
      kind: 'ask-first',
      headline: 'Ask before signing',
      text: `Nothing found blocks signing on its own, but ask ${sender} about the ${should === 1 ? 'point' : `${should} points`} below and sign once you are satisfied with the answers.`,
    };
  }
  return {
    kind: 'no-objection',
    headline: 'No objection found',
    text: 'dsalint found nothing that should stop you signing. It checks the agreement against data protection law and NHS guidance as written; it does not replace reading it.',
  };
}

/** Every agreement in the run, reviewed; points ordered by weight, then the rules' order of importance, then place. */
export function reviewRun(run: LintRun): AgreementReview[] {
  const rules = new Map(run.rules.map((r, i) => [r.id, { rule: r, order: i }]));
  return agreementFiles(run).map((file) => {
    const agreement = file.agreement as Agreement | undefined;
    const active = file.findings.filter((f) => !f.suppression);
    const points = active
      .map((f) => {
        const known = rules.get(f.ruleId);
        const { where, quote } = whereOf(f, agreement);
        const point: ReviewPoint = {
          weight: weightOf(f),
          request: f.request ?? f.message,
          where,
          ...(quote !== undefined ? { quote } : {}),
          ruleId: f.ruleId,
          ruleTitle: known?.rule.title ?? f.ruleId,
          severity: f.severity,
          ...(f.location.path !== undefined ? { path: f.location.path } : {}),
          line: f.location.range.start.line,
          column: f.location.range.start.column,
          message: f.message,
          citations: (known?.rule.citations ?? []).map(citationLabel),
          citationLinks: known?.rule.citations ?? [],
        };
        return { point, order: known?.order ?? Number.MAX_SAFE_INTEGER, offset: f.location.range.startOffset, severity: SEVERITY_RANK[f.severity] };
      })
      .sort((a, b) => WEIGHT_RANK[a.point.weight] - WEIGHT_RANK[b.point.weight] || b.severity - a.severity || a.order - b.order || a.offset - b.offset)
      .map((p) => p.point);
    return {
      file: file.path,
      title: agreement?.title ?? file.path,
      ...(agreement?.imported ? { importedFrom: agreement.imported.from } : {}),
      verdict: verdictOf(file, points, senderOf(agreement)),
      points,
      notes: file.notes,
      waived: file.findings.length - active.length,
    };
  });
}

export const WEIGHT_LABELS: Record<ReviewPoint['weight'], string> = { must: 'Must be fixed', should: 'Worth asking', note: 'For information' };

/** The points grouped by weight, each group numbered on from the one before. */
export function byWeight(points: readonly ReviewPoint[]): { weight: ReviewPoint['weight']; start: number; points: ReviewPoint[] }[] {
  const groups: { weight: ReviewPoint['weight']; start: number; points: ReviewPoint[] }[] = [];
  points.forEach((p, i) => {
    const last = groups[groups.length - 1];
    if (last?.weight === p.weight) last.points.push(p);
    else groups.push({ weight: p.weight, start: i + 1, points: [p] });
  });
  return groups;
}

/** Each piece of law and guidance once, in the order the points first cite it, with the numbers of the points that rest on it. */
export function lawOf(points: readonly ReviewPoint[]): { label: string; url?: string; points: number[] }[] {
  const seen = new Map<string, { label: string; url?: string; points: number[] }>();
  points.forEach((p, i) =>
    p.citationLinks.forEach((c, j) => {
      const label = p.citations[j]!;
      const entry = seen.get(label) ?? { label, ...(c.url ? { url: c.url } : {}), points: [] };
      if (!entry.points.includes(i + 1)) entry.points.push(i + 1);
      seen.set(label, entry);
    }),
  );
  return [...seen.values()];
}

export const pointNumbers = (n: readonly number[]): string => `${n.length === 1 ? 'point' : 'points'} ${n.join(', ')}`;
