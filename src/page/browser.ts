/**
 * dsalint in the browser: the offline page's script. A dropped or chosen file (.dsa.yaml,
 * .dsa.yml, .dsa.md, .docx, .odt, .txt, .md) is imported if it is a document, linted with the
 * recommended rules, and shown as the reviewer's report, which can be saved as one HTML file.
 * Nothing is fetched: the page's Content-Security-Policy forbids every connection.
 */
import { RULES } from '../../rules/index.js';
import { lintSource } from '../core/engine.js';
import { sourceFromText } from '../core/source.js';
import { summariseRule } from '../core/rule-docs.js';
import { SchemaValidator, type CompiledValidator } from '../schema/validate.js';
import { buildAgreementSchema } from '../schema/build-schema.js';
import { validate as precompiledValidate } from '../generated/validate-agreement.js';
import { VERSION } from '../generated/version.js';
import { REPOSITORY_URL } from '../core/rule-docs.js';
import type { LintRun } from '../core/types.js';
import { reviewHtml } from '../reviewer/report.js';
import { ImportError } from '../import/errors.js';
import { blocksFromPlainText, blocksToMarkdown } from '../import/blocks.js';
import { draftFromBlocks, draftFrontMatter } from '../import/draft.js';

const AGREEMENT = /\.dsa\.(ya?ml|md)$/i;
const DOCUMENT = /\.(docx|odt|txt|md)$/i;

/** The agreement text for a file: as it is, or imported from a document (PDFs need the command line). */
async function agreementText(name: string, bytes: Uint8Array): Promise<{ text: string; path: string }> {
  if (AGREEMENT.test(name)) return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), path: name };
  if (/\.pdf$/i.test(name)) throw new ImportError('PDFs are read by the command line only: run dsalint import on it, then drop the .dsa.md here.');
  if (!DOCUMENT.test(name)) throw new ImportError(`${name} is not an agreement (.dsa.yaml, .dsa.md) or a document dsalint can read (.docx, .odt, .txt, .md).`);
  const path = name.replace(/\.[^.]+$/, '.dsa.md');
  if (/\.docx$/i.test(name)) {
    const { readDocx } = await import('../import/docx.js');
    return { text: assemble(await readDocx(bytes, name), name), path };
  }
  if (/\.odt$/i.test(name)) {
    const { readOdt } = await import('../import/odt.js');
    return { text: assemble(await readOdt(bytes, name), name), path };
  }
  const text = new TextDecoder().decode(bytes);
  if (/\.md$/i.test(name)) throw new ImportError('Run dsalint import on a Markdown document first, or add front matter to make it an agreement (.dsa.md).');
  return { text: assemble(blocksFromPlainText(text), name), path };
}

function assemble(blocks: Parameters<typeof blocksToMarkdown>[0], name: string): string {
  return `${draftFrontMatter(draftFromBlocks(blocks), name)}\n${blocksToMarkdown(blocks)}`;
}

let validator: SchemaValidator | undefined;

/** The reviewer's report (a whole HTML document) for one file's bytes. */
export async function reviewFile(name: string, bytes: Uint8Array, asOf: string): Promise<string> {
  const { text, path } = await agreementText(name, bytes);
  const source = await sourceFromText(text, path);
  validator ??= new SchemaValidator(buildAgreementSchema(), precompiledValidate as CompiledValidator);
  const rules = RULES.filter((r) => r.meta.presets.includes('recommended'));
  const outcome = lintSource(source, {
    rules: rules.map((rule) => ({ rule, options: rule.meta.defaultOptions })),
    asOf,
    validator,
    waivers: [],
    registeredRuleIds: new Set(RULES.map((r) => r.id)),
  });
  const run: LintRun = {
    tool: { name: 'dsalint', version: VERSION, informationUri: REPOSITORY_URL },
    asOf,
    files: [{ path, findings: outcome.findings, notes: outcome.notes, ...(outcome.agreement ? { agreement: outcome.agreement } : {}), ...(outcome.failure ? { failure: outcome.failure } : {}) }],
    rules: RULES.map(summariseRule),
  };
  return reviewHtml(run, { color: false, quiet: false });
}

// The page's own wiring: everything below touches the DOM.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const URL: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const Blob: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const DOMParser: any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function show(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> {
  const status = document.getElementById('status');
  const out = document.getElementById('report');
  const save = document.getElementById('save');
  status.textContent = `Checking ${file.name}…`;
  try {
    const today = new Date().toISOString().slice(0, 10);
    const html = await reviewFile(file.name, new Uint8Array(await file.arrayBuffer()), today);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.getElementById('report-style').textContent = doc.querySelector('style')?.textContent ?? '';
    out.replaceChildren(...Array.from(doc.body.childNodes as ArrayLike<unknown>).map((n) => document.importNode(n, true)));
    status.textContent = `Checked ${file.name}.`;
    save.hidden = false;
    save.onclick = () => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      a.download = `${file.name.replace(/\.[^.]+$/, '').replace(/\.dsa$/, '')}-review.html`;
      a.click();
      URL.revokeObjectURL(a.href);
    };
  } catch (error) {
    out.replaceChildren();
    save.hidden = true;
    status.textContent = error instanceof ImportError ? error.message : `dsalint could not check ${file.name}: ${(error as Error).message}`;
  }
}

if (typeof document !== 'undefined') {
  const drop = document.getElementById('drop');
  const input = document.getElementById('file');
  input.addEventListener('change', () => input.files?.[0] && show(input.files[0]));
  drop.addEventListener('dragover', (e: { preventDefault(): void }) => e.preventDefault());
  drop.addEventListener('drop', (e: { preventDefault(): void; dataTransfer?: { files?: ArrayLike<{ name: string; arrayBuffer(): Promise<ArrayBuffer> }> } }) => {
    e.preventDefault();
    const file = e.dataTransfer?.files?.[0];
    if (file) void show(file);
  });
}
