import { sampleRun } from '../tests/reporters/fixtures/run.ts';
import { markdownReport } from '../src/reporters/markdown.ts';
process.stdout.write(markdownReport(sampleRun()));
