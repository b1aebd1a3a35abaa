/**
 * Reading an agreement file: bounded, defensive, and never executing anything in it.
 * A file that cannot be linted at all (unreadable, binary, too large, not UTF-8) becomes a
 * `FileFailure`; anything readable becomes an `AgreementSource` for the engine.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Root as MdastRoot } from 'mdast';
import type { FileFailure } from './types.js';
import { Locator } from './locate.js';

export type SourceKind = 'yaml' | 'markdown';

export interface AgreementSource {
  /** Display path, relative to the run's root, with forward slashes. */
  readonly path: string;
  /** The whole file, without a byte order mark. Every offset in dsalint indexes this. */
  readonly text: string;
  readonly kind: SourceKind;
  /** The YAML part: the whole file, or a Markdown file's front matter. */
  readonly yamlText: string;
  /** Where `yamlText` starts in `text`. */
  readonly yamlOffset: number;
  /** Markdown only: the parsed document (positions are offsets into `text`). */
  readonly markdown?: MdastRoot;
  /** Markdown only: set when the body was too large or complex to parse for the prose checks. */
  readonly proseSkipped?: { readonly reason: string; readonly offset: number };
  /** Markdown only: false when the file has no front matter. */
  readonly hasFrontMatter: boolean;
  readonly locator: Locator;
}

export const AGREEMENT_FILE_PATTERN = /\.dsa\.(ya?ml|md)$/i;

export function sourceKindOf(path: string): SourceKind {
  return /\.(md|markdown)$/i.test(path) ? 'markdown' : 'yaml';
}

/** Bytes read to decide that a file is binary. */
const SNIFF_BYTES = 8192;

export type ReadResult = { readonly source: AgreementSource } | { readonly failure: FileFailure };

export async function readAgreementFile(absolutePath: string, displayPath: string, maxBytes: number): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    // Look before opening: opening a named pipe waits for a writer, for ever.
    const kind = notRegular(await stat(absolutePath));
    if (kind) return { failure: { code: 'unreadable', message: `${displayPath} is ${kind}, not a regular file; dsalint reads only agreement files.` } };
    // Non-blocking, in case it was swapped for a pipe since: the open then returns at once and the check below refuses it.
    const handle = await open(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      const swapped = notRegular(info);
      if (swapped) return { failure: { code: 'unreadable', message: `${displayPath} is ${swapped}, not a regular file; dsalint reads only agreement files.` } };
      if (info.size > maxBytes) return { failure: tooLarge(displayPath, info.size, maxBytes) };
      // Never more than the limit, even if the file grows while it is read.
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) return { failure: tooLarge(displayPath, length, maxBytes) };
      }
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { failure: { code: 'unreadable', message: `${displayPath} could not be read: ${describeIoError(error)}.` } };
  }
  return decodeAgreement(bytes, displayPath);
}

export function tooLarge(displayPath: string, size: number, maxBytes: number): FileFailure {
  const over = size > maxBytes ? `${formatBytes(size)}, over` : 'over';
  return {
    code: 'too-large',
    message: `${displayPath} is ${over} the ${formatBytes(maxBytes)} limit for one agreement; it was not read. Split it, or raise max_file_size in .dsalint.yaml.`,
  };
}

/** What a path is when it is not a regular file ("a named pipe"), or undefined for a regular file. */
function notRegular(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'a special file';
}

/** Decode and split a file already in memory (also used by tests and the Action). */
export async function decodeAgreement(bytes: Uint8Array, displayPath: string): Promise<ReadResult> {
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) {
    return { failure: { code: 'binary', message: `${displayPath} looks like a binary file (it contains NUL bytes), not a YAML or Markdown agreement.` } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = new Locator(lossy).position(Math.max(0, lossy.indexOf('\uFFFD')));
    return {
      failure: {
        code: 'invalid-utf8',
        message: `${displayPath}:${at.line}:${at.column} is not valid UTF-8. Save the file as UTF-8 and try again.`,
      },
    };
  }
  return { source: await sourceFromText(text, displayPath) };
}

export async function sourceFromText(rawText: string, displayPath: string, kind: SourceKind = sourceKindOf(displayPath)): Promise<AgreementSource> {
  // TextDecoder drops a BOM; a string handed in directly may still carry one.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const locator = new Locator(text);
  if (kind === 'yaml') {
    return { path: displayPath, text, kind, yamlText: text, yamlOffset: 0, hasFrontMatter: true, locator };
  }
  const { parseMarkdown } = await import('./markdown.js');
  const { tree, frontMatter, proseSkipped } = parseMarkdown(text);
  return {
    path: displayPath,
    text,
    kind,
    yamlText: frontMatter?.text ?? '',
    yamlOffset: frontMatter?.offset ?? 0,
    markdown: tree,
    ...(proseSkipped ? { proseSkipped } : {}),
    hasFrontMatter: frontMatter !== undefined,
    locator,
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${bytes} bytes`;
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return code ? `error ${code}` : String((error as Error | undefined)?.message ?? error);
  }
}
