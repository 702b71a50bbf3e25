/** The registry of compliance rules. */
import type { Rule } from './rule';
import { CLASSIFICATION_CODE_RULES } from './classification-code';
import { UNIT_CODE_RULES } from './unit-code';

export const RULES: Rule[] = [...CLASSIFICATION_CODE_RULES, ...UNIT_CODE_RULES];
