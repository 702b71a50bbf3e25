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
import { REVENUE_RULES } from './revenue';
import { REGISTRATION_RULES } from './registration';
import { SECURITY_RULES } from './security';
import { OVERSIGHT_RULES } from './oversight';
import { PLACEHOLDER_RULES } from './placeholder';

export const RULES: Rule[] = [
  ...UNIT_CODE_RULES,
  ...OVERSIGHT_RULES,
  ...PI_RULES,
  ...ACQUISITION_RULES,
  ...AUTHORIZATION_ASSESSMENT_RULES,
  ...AUTHORIZATION_RULES,
  ...SHARING_RULES,
  ...DISPOSAL_RULES,
  ...REVENUE_RULES,
  ...REGISTRATION_RULES,
  ...CLASSIFICATION_CODE_RULES,
  ...SECURITY_RULES,
  ...CATALOG_RULES,
  ...PLACEHOLDER_RULES,
];
