/**
 * The few Node built-ins the lint path names, for the browser page. Fingerprints need SHA-256
 * synchronously (Web Crypto's is asynchronous), so it comes from @noble/hashes; files and
 * paths are never used in the page, which hands files over as bytes.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

export function createHash(algorithm: string): { update(text: string): { digest(encoding: 'hex'): string } } {
  if (algorithm !== 'sha256') throw new Error(`only sha256 is available in the page, not ${algorithm}`);
  const parts: Uint8Array[] = [];
  const hash = {
    update(text: string) {
      parts.push(utf8ToBytes(text));
      return hash;
    },
    digest() {
      const h = sha256.create();
      for (const p of parts) h.update(p);
      return bytesToHex(h.digest());
    },
  };
  return hash;
}

/** Files and paths: modules on the lint path name them for config files, which the page never reads. */
function unavailable(): never {
  throw new Error('the page reads dropped files only');
}
export const open = unavailable;
export const readFile = unavailable;
export const stat = unavailable;
export const lstat = unavailable;
export const realpath = unavailable;
export const existsSync = unavailable;
export const readFileSync = unavailable;
export const createRequire = unavailable;
export const dirname = unavailable;
export const isAbsolute = unavailable;
export const join = unavailable;
export const relative = unavailable;
export const resolve = unavailable;
export const sep = '/';
export const constants = { O_RDONLY: 0, O_NONBLOCK: 0 };
