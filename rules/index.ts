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

export const RULES: readonly AnyRule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  yamlCustomTag,
  yamlAlias,
  schema,
  referenceUnresolved,
  duplicateId,
  waiverInvalid,
];
