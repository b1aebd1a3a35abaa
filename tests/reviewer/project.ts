/** The reviewer tests' project: the Word fixture imported as proposed.dsa.md, judged as of a fixed day. */
import { tempProject } from '../helpers/cli.js';
import { importDocument } from '../../src/import/index.js';
import { buildDocx } from '../import/documents.js';

export const AS_OF = ['--as-of', '2026-11-01'];

export async function importedProject(): Promise<string> {
  const { text } = await importDocument(await buildDocx(), 'proposed.docx');
  return tempProject({ 'proposed.dsa.md': text });
}
