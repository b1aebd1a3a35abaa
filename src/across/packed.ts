/**
 * A record as a run keeps it from the moment its file is linted until the across stage:
 * compressed JSON, in bytes of its own. The bytes are outside the JavaScript heap, so 10,000
 * waiting records (14 MB) neither take heap (as objects they took over 100 MiB) nor make V8
 * grow it: the heap is let grow to a few times what it holds, and in-process that heap is
 * also the one linting. JSON keeps no slice of the file's text; compressing costs about what
 * the copy it replaced did. Not on the browser page's path (it has no zlib).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AgreementRecord } from './record.js';

export type PackedRecord = Uint8Array;

export function packRecord(record: AgreementRecord): PackedRecord {
  // A copy of its own: zlib's answer is a view of a larger shared buffer that it would keep alive.
  return new Uint8Array(deflateRawSync(JSON.stringify(record)));
}

export function unpackRecord(packed: PackedRecord): AgreementRecord {
  return JSON.parse(inflateRawSync(packed).toString('utf8')) as AgreementRecord;
}
