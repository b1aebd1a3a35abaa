/**
 * Where the published JSON Schemas live: under the release tag of this version, so an editor
 * checks an agreement against the format of the dsalint that will lint it, not whatever the
 * main branch holds today.
 */
import { VERSION } from '../generated/version.js';

export function schemaUrl(fileName: string): string {
  return `https://raw.githubusercontent.com/dsalint/dsalint/v${VERSION}/schema/${fileName}`;
}
