#!/usr/bin/env node
/**
 * The published module (bundled to bin/dsalint.js): the programmatic API, and, when run as a
 * program, the `dsalint` command.
 */
export * from './api.js';
import './cli/main.js';
