import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The suite spawns the built CLI; two cores are all CI has.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
