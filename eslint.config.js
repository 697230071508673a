// Flat config: typescript-eslint's recommended rules plus the few that guard our promises
// (no innerHTML, no eval, the engine stays DOM-free).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'scratch/**', 'coverage/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Render text through Preact or textContent.' },
        { property: 'outerHTML', message: 'Render text through Preact or textContent.' },
        { property: 'insertAdjacentHTML', message: 'Render text through Preact or textContent.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Node-side code: the build, scripts, the CLI and the tests.
    files: ['*.mjs', '*.js', 'scripts/**', 'bin/**', 'src/cli/**', 'tests/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'localStorage'],
      'no-restricted-imports': ['error', { patterns: ['webextension-polyfill', 'preact*', 'node:*', 'fs', 'path'] }],
    },
  },
);
