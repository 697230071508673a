import { defineConfig } from 'vitest/config';

// Mutation testing (npm run mutate) runs the tests that exercise the engine: the engine's
// unit tests (not the CLI's, which run the built bundle, nor the browser specs (they test dist/, which Stryker does not rebuild).
export default defineConfig({
  test: {
    include: ['tests/unit/engine/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
