/**
 * The Action's process entry, bundled to .github/action/index.js. All behaviour is in
 * main.ts, which tests import without running anything.
 */
import { runAction } from './main.js';
import { serveLintWorkerIfAsked, useLintWorkerScript } from '../core/pool.js';

// The bundle is also the lint workers' script: in a worker it serves lint tasks and nothing else.
if (!serveLintWorkerIfAsked()) {
  useLintWorkerScript(import.meta.url);
  process.exitCode = await runAction({ env: process.env, cwd: process.cwd(), stdout: (text) => process.stdout.write(text) });
}
