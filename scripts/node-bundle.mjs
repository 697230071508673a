// esbuild options for a Node bundle of the engine (the CLI, scripts, benchmarks), in one place.
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // sentiment's language loader has a dynamic require we never reach (we use English only).
  logOverride: { 'empty-glob': 'silent' },
  // compromise and sentiment are CommonJS inside an ESM bundle: give them a `require`.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
