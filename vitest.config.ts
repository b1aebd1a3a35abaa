import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The slowest test files (the SARIF validator, a browser, child processes running the
 * built CLI, worker pools and the new-rule scaffold). `npm run test:fast` (vitest's
 * `--mode fast`) leaves them out of the inner loop; `npm test` runs everything.
 */
const SLOW = [
  'tests/reporters/sarif.test.ts',
  'tests/reporters/html.browser.test.ts',
  'tests/parallel.test.ts',
  'tests/built-cli.test.ts',
  'tests/action.test.ts',
  'tests/new-rule.test.ts',
];

export default defineConfig(({ mode }) => ({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: mode === 'fast' ? [...configDefaults.exclude, ...SLOW] : configDefaults.exclude,
    // The suite spawns the built CLI; two cores are all CI has.
    pool: 'forks',
    testTimeout: 30_000,
    // The built CLI's code cache (src/boot/code-cache.ts) goes to a folder of the suite's own, not the user's cache folder.
    env: { DSALINT_CODE_CACHE: join(tmpdir(), 'dsalint-test-code-cache') },
  },
}));
