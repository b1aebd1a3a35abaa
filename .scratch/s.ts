import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { summariseAgreement } from '../src/core/summary.ts';
const a = parse(readFileSync('/work/main/tests/fixtures/starter.dsa.yaml','utf8'));
console.log(summariseAgreement(a).sentences.join('\n\n'));
