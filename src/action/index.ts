/**
 * The Action's process entry, bundled to .github/action/index.js. All behaviour is in
 * main.ts, which tests import without running anything.
 */
import { runAction } from './main.js';

process.exitCode = await runAction({ env: process.env, cwd: process.cwd(), stdout: (text) => process.stdout.write(text) });
