/**
 * The size cap of a pack's JSON, alone in a module without imports, so the options page can
 * check a file before sending it without bundling the pack schema (schema.ts re-exports it).
 */
export const MAX_PACK_BYTES = 1_000_000;
