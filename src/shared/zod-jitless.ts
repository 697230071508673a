/**
 * Imported first by every extension entry that runs zod (worker, sidebar, options). zod would
 * otherwise probe for and use the Function constructor to compile fast parsers; the extension's
 * CSP blocks that, and the blocked attempt is still reported as a CSP violation (issue 14, I1).
 * Interpreted parsing is fast enough for our messages and packs.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
