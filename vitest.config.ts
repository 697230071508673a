import { defineConfig } from 'vitest/config';

// Unit tests run in Node against src/ directly. Browser tests (tests/e2e) drive the built
// extension in real Chromium and Firefox; `npm test` builds first, so they always test dist/.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser specs each launch a browser; two at once is what a 2-core CI machine carries.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
