import { writeFileSync } from 'node:fs';
import { sampleRun } from '../tests/reporters/fixtures/run.ts';
import { REPORTERS } from '../src/reporters/index.ts';
for (const [k, r] of Object.entries(REPORTERS)) writeFileSync(`/tmp/rep/sample.${k}`, r(sampleRun(), { color: false, quiet: false }));
