/**
 * Reading the parts of a Word (.docx) or OpenDocument (.odt) file, which are zip archives,
 * with the work bounded: only the named parts are inflated, each into a buffer no larger
 * than the size the archive declares, and the declared sizes are capped before anything is
 * inflated. A zip bomb is refused before it costs memory; a part whose data lies about its
 * size is cut short, and the XML reader then fails on it as a damaged file.
 */
import { unzipSync } from 'fflate';
import { ImportError } from './errors.js';

/** Largest single part inflated (document.xml of a 40-page agreement is well under 5 MB). */
export const MAX_PART_BYTES = 32 * 1024 * 1024;
/** Largest total of the parts inflated together. */
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** Highest ratio of inflated to compressed size accepted: text compresses ~10:1, bombs ~1000:1. */
export const MAX_RATIO = 200;

export function readZipParts(bytes: Uint8Array, fileName: string, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ImportError(`${fileName} is not a ${kindName(fileName)} file (it is not a zip archive inside). Save it again from the program that made it, or check the file's extension.`);
  }
  let total = 0;
  let refused: string | undefined;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter(file) {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        const ratio = file.originalSize / Math.max(1, file.size);
        if (file.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES || (file.originalSize > 1024 * 1024 && ratio > MAX_RATIO)) {
          refused ??= file.name;
          return false;
        }
        return true;
      },
    });
  } catch {
    throw new ImportError(`${fileName} is damaged: its zip archive could not be read. Save it again from the program that made it.`);
  }
  if (refused !== undefined) {
    throw new ImportError(`${fileName} was not read: its part ${refused} would expand to far more than any agreement needs (a "zip bomb"?).`);
  }
  return new Map(Object.entries(parts));
}

function kindName(fileName: string): string {
  return /\.odt$/i.test(fileName) ? 'OpenDocument text' : 'Word (.docx)';
}
