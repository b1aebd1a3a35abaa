#!/usr/bin/env node
/**
 * bin/dsalint.js: the `dsalint` command and the programmatic API, started through a V8 code
 * cache (./code-cache.ts). The exports are src/api.ts's; src/scripts/cli-bundle.ts checks the list.
 */
import { loadProgram } from './code-cache.js';

export const { FORMATS, lint, report } = loadProgram(import.meta.url);
