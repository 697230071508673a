/// <reference types="vite/client" />
/**
 * The engine's unit tests as one module graph, for mutation testing only (npm run mutate).
 *
 * Stryker runs the tests that cover a mutant once per mutant. Run as separate files, every file
 * imports and evaluates the engine afresh (vitest isolates files), about a second each, which made
 * a whole-engine run take some 13 hours. Gathered here, the engine is evaluated once per mutant
 * run and each test still runs in its own describe block under its own name. The property suites
 * (fuzz, session) stay out: thousands of random cases per mutant for mutants the example tests
 * already kill.
 */
import.meta.glob(['../unit/engine/*.test.ts', '!../unit/engine/fuzz.test.ts', '!../unit/engine/session.test.ts'], { eager: true });
