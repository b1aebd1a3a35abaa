/**
 * JUnit XML for CI systems NHS organisations also use: Azure DevOps (PublishTestResults
 * with testResultsFormat JUnit) and GitLab (artifacts:reports:junit).
 *
 * Layout: one <testsuite> per file (the suite is named after the file), and one
 * <testcase> per finding, named "<rule-id> at <place>". Both systems list failed test
 * cases one per row with the failure message and body, so one test case per finding makes
 * each problem its own row with its location and fix; one test case per rule would fold
 * several problems into one failure. A file with no active findings gets one passing test
 * case, so the pass is visible.
 *
 * Errors and warnings are <failure> (type is the severity). Needs-review and waived
 * findings are <skipped>: a human decides or has decided them, they are not failures.
 * Information findings pass, with the message in <system-out>. A file dsalint could not
 * read is an <error>. No timestamps or durations other than 0, so the output is
 * deterministic.
 */
import type { FileResult, Finding, LintRun } from '../core/types.js';
import type { Reporter } from './types.js';
import { groupOf, plainText, ruleMap, waiverText } from './shared.js';
import type { RuleSummary } from '../core/types.js';
import { revealHidden } from '../core/summary.js';

// ---------------------------------------------------------------------------------------
// A tiny XML writer: every attribute and text goes through `escape`.

/** Characters XML 1.0 does not allow at all (control characters other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string, attribute: boolean): string {
  // Hidden characters are shown as [U+XXXX] (revealHidden); anything XML forbids that is left becomes U+FFFD.
  let out = revealHidden(value).replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (attribute) out = out.replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
  else out = out.replace(/\r/g, '&#13;');
  return out;
}

interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string | number>>;
  readonly children?: readonly XmlElement[];
  readonly text?: string;
}

function el(name: string, attributes: Record<string, string | number> = {}, children: readonly XmlElement[] = [], text?: string): XmlElement {
  return { name, attributes, children, ...(text !== undefined ? { text } : {}) };
}

function serialise(node: XmlElement, indent = ''): string {
  const attrs = Object.entries(node.attributes ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(String(v), true)}"`)
    .join('');
  const children = node.children ?? [];
  if (node.text !== undefined) return `${indent}<${node.name}${attrs}>${escapeXml(node.text, false)}</${node.name}>`;
  if (children.length === 0) return `${indent}<${node.name}${attrs}/>`;
  return `${indent}<${node.name}${attrs}>\n${children.map((c) => serialise(c, `${indent}  `)).join('\n')}\n${indent}</${node.name}>`;
}

// ---------------------------------------------------------------------------------------

function place(f: Finding): string {
  const { start } = f.location.range;
  return f.location.path ? `${f.location.path} (line ${start.line})` : `line ${start.line}`;
}

function body(f: Finding, file: string, rule: RuleSummary | undefined): string {
  const { start, end } = f.location.range;
  const lines = [f.message, '', `Where: ${file}:${start.line}:${start.column} to ${end.line}:${end.column}${f.location.path ? ` (${f.location.path})` : ''}`];
  for (const r of f.related) lines.push(`See also ${r.file ?? file}:${r.range.start.line}:${r.range.start.column}: ${r.message}`);
  if (rule?.citations.length) lines.push(`Law and guidance: ${rule.citations.map((c) => `${c.instrument}${c.provision ? ` ${c.provision}` : ''}`).join('; ')}`);
  if (rule?.fix) lines.push(`How to fix: ${plainText(rule.fix)}`);
  if (rule?.helpUri) lines.push(`More: ${rule.helpUri}`);
  return lines.join('\n');
}

function testcase(f: Finding, file: FileResult, rule: RuleSummary | undefined): XmlElement {
  const attributes = { name: `${f.ruleId} at ${place(f)}`, classname: file.path, file: file.path, line: f.location.range.start.line, time: '0' };
  const group = groupOf(f);
  switch (group) {
    case 'error':
    case 'warning':
      return el('testcase', attributes, [el('failure', { message: f.message, type: group }, [], body(f, file.path, rule))]);
    case 'review':
      return el('testcase', attributes, [el('skipped', { message: `Needs review by the Caldicott Guardian or DPO: ${f.message}` })]);
    case 'waived':
      return el('testcase', attributes, [el('skipped', { message: `Waived: ${waiverText(f)}` })]);
    case 'info':
      return el('testcase', attributes, [el('system-out', {}, [], body(f, file.path, rule))]);
  }
}

function suite(file: FileResult, rules: ReadonlyMap<string, RuleSummary>, asOf: string): XmlElement {
  const cases: XmlElement[] = [];
  if (file.failure) {
    cases.push(el('testcase', { name: 'dsalint can read the file', classname: file.path, file: file.path, time: '0' }, [el('error', { message: file.failure.message, type: file.failure.code }, [], file.failure.message)]));
  }
  const seen = new Map<string, number>();
  for (const f of file.findings) {
    const c = testcase(f, file, rules.get(f.ruleId));
    // Test names must be unique in a suite, or CI systems merge the rows.
    const name = String(c.attributes?.['name']);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    cases.push(n === 1 ? c : { ...c, attributes: { ...c.attributes, name: `${name} #${n}` } });
  }
  const active = file.findings.filter((f) => ['error', 'warning'].includes(groupOf(f)));
  if (!file.failure && active.length === 0) {
    cases.unshift(el('testcase', { name: 'follows every enabled dsalint rule', classname: file.path, file: file.path, time: '0' }));
  }
  const count = (tag: string): number => cases.filter((c) => c.children?.some((ch) => ch.name === tag)).length;
  // The judging date, as a suite property: a finding about dates depends on it.
  const properties = el('properties', {}, [el('property', { name: 'dsalint.asOf', value: asOf })]);
  return el(
    'testsuite',
    { name: file.path, tests: cases.length, failures: count('failure'), errors: count('error'), skipped: count('skipped'), time: '0' },
    [properties, ...cases],
  );
}

export function junitXml(run: LintRun): string {
  const rules = ruleMap(run);
  const suites = run.files.map((f) => suite(f, rules, run.asOf));
  const sum = (key: string): number => suites.reduce((n, s) => n + Number(s.attributes?.[key] ?? 0), 0);
  const root = el('testsuites', { name: `${run.tool.name} ${run.tool.version}`, tests: sum('tests'), failures: sum('failures'), errors: sum('errors'), skipped: sum('skipped'), time: '0' }, suites);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root)}\n`;
}

export const junit: Reporter = (run) => junitXml(run);
