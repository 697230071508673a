import { defineConfig } from 'vitest/config';

// Mutation testing (npm run mutate) runs the engine's unit tests against each mutant: not the
// CLI's (they run the built bundle) nor the browser specs (they test dist/, which Stryker does not
// rebuild), and not the two property suites (fuzz, session), whose thousands of random cases
// would multiply the run by hours for mutants the example tests already kill.
export default defineConfig({
  test: {
    include: ['tests/unit/engine/**/*.test.ts'],
    exclude: ['tests/unit/engine/fuzz.test.ts', 'tests/unit/engine/session.test.ts'],
    testTimeout: 60_000,
    // Each mutant runs in isolation: with isolate: false Stryker lost per-test coverage (README).
  },
});
