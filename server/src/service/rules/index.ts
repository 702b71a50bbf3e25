/** The registry of compliance rules. */
import type { Rule } from './rule';
import { CLASSIFICATION_CODE_RULES } from './classification-code';
import { UNIT_CODE_RULES } from './unit-code';
import { AUTHORIZATION_ASSESSMENT_RULES } from './authorization-assessment';
import { SHARING_RULES } from './sharing-opening';
import { DISPOSAL_RULES } from './disposal';
import { CATALOG_RULES } from './catalog-metadata';

export const RULES: Rule[] = [...CLASSIFICATION_CODE_RULES, ...UNIT_CODE_RULES, ...AUTHORIZATION_ASSESSMENT_RULES, ...SHARING_RULES, ...DISPOSAL_RULES, ...CATALOG_RULES];
