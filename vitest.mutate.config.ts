import { defineConfig } from 'vitest/config';

// Mutation testing (npm run mutate) runs the engine's unit tests against each mutant: not the
// CLI's (they run the built bundle) nor the browser specs (they test dist/, which Stryker does not
// rebuild). tests/mutation/engine.mutate.ts gathers them into one file so that the engine is
// evaluated once per mutant run, not once per test file (see that file).
export default defineConfig({
  test: {
    include: ['tests/mutation/engine.mutate.ts'],
    testTimeout: 60_000,
  },
});
