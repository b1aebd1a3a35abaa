/**
 * The rule registry: every rule, in the order reports list them. Registered explicitly so
 * that a rule file is never picked up (or lost) by accident.
 */
import type { AnyRule } from '../src/core/rule.js';

// Format and YAML hazards
import yamlSyntax from './yaml-syntax.js';
import yamlDuplicateKey from './yaml-duplicate-key.js';
import yamlCustomTag from './yaml-custom-tag.js';
import yamlAlias from './yaml-alias.js';
import schema from './schema.js';
import referenceUnresolved from './reference-unresolved.js';
import duplicateId from './duplicate-id.js';
import waiverInvalid from './waiver-invalid.js';

// A. Access scope and minimisation; B. Purpose; C. Lawful basis (helper R1 adds imports here)

// D. Special category and restricted data; E. Population; F. Retention (helper R2 adds imports here)

// G. Governance sign-off; H. Security and DSPT; I. Breach; J. Transparency (helper R3 adds imports here)

// K. Processors and transfers; L. Lifecycle; hidden text; prose against structure (helper R4 adds imports here)

export const RULES: readonly AnyRule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  yamlCustomTag,
  yamlAlias,
  schema,
  referenceUnresolved,
  duplicateId,
  waiverInvalid,
  // A, B, C (R1)
  // D, E, F (R2)
  // G, H, I, J (R3)
  // K, L, text (R4)
];
