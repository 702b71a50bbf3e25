/** The registry of compliance rules. */
import type { Rule } from './rule';
import { CLASSIFICATION_CODE_RULES } from './classification-code';
import { UNIT_CODE_RULES } from './unit-code';
import { AUTHORIZATION_ASSESSMENT_RULES } from './authorization-assessment';
import { SHARING_RULES } from './sharing-opening';
import { DISPOSAL_RULES } from './disposal';
import { CATALOG_RULES } from './catalog-metadata';
import { PI_RULES } from './personal-information';
import { ACQUISITION_RULES } from './acquisition';
import { AUTHORIZATION_RULES } from './authorization';

export const RULES: Rule[] = [...CLASSIFICATION_CODE_RULES, ...UNIT_CODE_RULES, ...AUTHORIZATION_ASSESSMENT_RULES, ...SHARING_RULES, ...DISPOSAL_RULES, ...CATALOG_RULES, ...PI_RULES, ...ACQUISITION_RULES, ...AUTHORIZATION_RULES];
