/** The registry of compliance rules. */
import type { Rule } from './rule';
import { CLASSIFICATION_CODE_RULES } from './classification-code';
import { UNIT_CODE_RULES } from './unit-code';
import { AUTHORIZATION_ASSESSMENT_RULES } from './authorization-assessment';

export const RULES: Rule[] = [...CLASSIFICATION_CODE_RULES, ...UNIT_CODE_RULES, ...AUTHORIZATION_ASSESSMENT_RULES];
