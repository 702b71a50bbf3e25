/**
 * The registry: every rule id the service can report, with its metadata. The compliance rules check the parsed
 * document (item and document rules) or the workspace index (cross-file rules); the built-in ids are reported by
 * the file reader, the parser, the schema mapping, the waivers, the configuration and the spreadsheet import. Only
 * this module imports the rule files (one rule per file, grouped by family in folders); nothing else depends on the
 * list.
 */
import type { BuiltInRule, Rule, RuleMeta, WorkspaceRule } from './rule';
import { unreadableFileRule } from './file/unreadable-file';
import { binaryFileRule } from './file/binary-file';
import { invalidUtf8Rule } from './file/invalid-utf8';
import { fileTooLargeRule } from './file/file-too-large';
import { tooManyItemsRule } from './file/too-many-items';
import { cellNotImportableRule } from './import/cell-not-importable';
import { columnNotImportedRule } from './import/column-not-imported';
import { rowWithoutItemRule } from './import/row-without-item';
import { yamlSyntaxRule } from './yaml/yaml-syntax';
import { duplicateKeyRule } from './yaml/duplicate-key';
import { tabIndentationRule } from './yaml/tab-indentation';
import { topLevelNotMappingRule } from './yaml/top-level-not-mapping';
import { aliasLimitRule } from './yaml/alias-limit';
import { nestingTooDeepRule } from './yaml/nesting-too-deep';
import { emptyFileRule } from './document/empty-file';
import { notAStewardDocumentRule } from './document/not-a-steward-document';
import { unknownKindRule } from './document/unknown-kind';
import { missingRequiredFieldRule } from './schema/missing-required-field';
import { unknownFieldRule } from './schema/unknown-field';
import { invalidValueRule } from './schema/invalid-value';
import { wrongTypeRule } from './schema/wrong-type';
import { wrongFormatRule } from './schema/wrong-format';
import { forbiddenFieldRule } from './schema/forbidden-field';
import { constraintViolatedRule } from './schema/constraint-violated';
import { waiverWithoutReasonRule } from './waiver/waiver-without-reason';
import { unusedWaiverRule } from './waiver/unused-waiver';
import { malformedWaiverRule } from './waiver/malformed-waiver';
import { waiverWithoutBasisRule } from './waiver/waiver-without-basis';
import { unknownRuleInConfigRule } from './config/unknown-rule-in-config';
import { pathOutsideWorkspaceRule } from './config/path-outside-workspace';
import { unitCodeRule } from './unit/valid-unit-code';
import { unitKindRule } from './unit/unit-code-matches-unit-type';
import { inspectionRecordRule } from './supervision/high-grade-needs-inspection';
import { inspectionDateRule } from './supervision/no-future-inspection-date';
import { annualReportRule } from './reporting/asset-in-annual-report';
import { supervisingDepartmentRule } from './unit/unit-needs-supervising-department';
import { responsiblePersonRule } from './unit/unit-needs-responsible-person';
import { legalBasisRule } from './personal-information/personal-information-needs-legal-basis';
import { processingAuthorityRule } from './personal-information/personal-information-needs-authority';
import { personalInformationOpenedRule } from './personal-information/personal-information-not-opened-freely';
import { budgetReferenceRule } from './acquisition/purchase-needs-budget-reference';
import { procurementRecordRule } from './acquisition/government-procurement-needs-record';
import { procurementStatedRule } from './acquisition/purchase-needs-procurement-statement';
import { authorizationAssessmentRule } from './authorization/authorization-needs-security-assessment';
import { authorizationApprovalRule } from './authorization/authorization-needs-approval';
import { paidFeeRule } from './authorization/paid-authorization-needs-fee';
import { paidValuationRule } from './authorization/paid-authorization-needs-valuation';
import { authorisableRightsRule } from './authorization/only-authorisable-rights';
import { guaranteeRule } from './authorization/no-data-asset-guarantee';
import { authorizationOrderRule } from './authorization/authorization-steps-in-order';
import { authorizationPeriodRule } from './authorization/valid-authorization-period';
import { feeWithoutPaidRule } from './authorization/no-fee-on-free-authorization';
import { notSharedBasisRule } from './sharing-opening/not-shared-needs-basis';
import { conditionalSharingRule } from './sharing-opening/conditional-sharing-needs-conditions';
import { classifiedOpenedRule } from './sharing-opening/no-opening-classified-data';
import { classifiedSharedFreelyRule } from './sharing-opening/no-free-sharing-of-classified-data';
import { gradeScopeRule } from './sharing-opening/opening-and-sharing-within-grade';
import { conditionalOpeningRule } from './sharing-opening/conditional-opening-needs-conditions';
import { disposalDecisionRule } from './disposal/disposal-needs-collective-decision';
import { disposalApprovalRule } from './disposal/disposal-needs-approval';
import { destructionRecordRule } from './disposal/destruction-needs-record';
import { irrecoverableRule } from './disposal/destruction-irrecoverable';
import { destructionDetailsRule } from './disposal/destruction-needs-technique-and-verifier';
import { disposalOrderRule } from './disposal/disposal-steps-in-order';
import { adminRevenueHandlingRule } from './revenue/admin-revenue-is-non-tax';
import { institutionDisposalRevenueRule } from './revenue/institution-disposal-revenue-is-non-tax';
import { revenueOriginRule } from './revenue/revenue-needs-origin';
import { uncollectedRevenueRule } from './revenue/paid-authorization-needs-revenue';
import { assetCardRule } from './registration/asset-needs-card-number';
import { unknownCodeRule } from './classification-code/classification-code-exists';
import { nonDataIntangibleRule } from './classification-code/classification-code-under-data';
import { nonIntangibleRule } from './classification-code/classification-code-intangible';
import { edition2010Rule } from './classification-code/no-2010-classification-code';
import { securityRecordsRule } from './security/high-grade-needs-security-records';
import { riskAssessmentAgeRule } from './security/risk-assessment-within-a-year';
import { recommendedMetadataRule } from './catalog/recommended-catalog-metadata';
import { relatedResourcesRule } from './catalog/distinct-related-resources';
import { futureReleaseRule } from './catalog/no-future-release-date';
import { placeholderRule } from './placeholder/no-placeholder-left';
import { missingResourceRule } from './references/asset-resource-exists';
import { duplicateIdRule } from './references/unique-ids';
import { unusedResourceRule } from './references/unused-catalog-resource';
import { relatedResourceRule } from './references/related-resources-exist';
import { gradeBelowResourceRule } from './security/asset-grade-not-below-resource';
import { restrictedAuthorizationRule } from './authorization/no-authorization-of-restricted-data';
import { paidFeeNotZeroRule } from './authorization/paid-authorization-fee-not-zero';
import { authorizationAfterDisposalRule } from './authorization/no-authorization-after-disposal';
import { publicInterestFreeRule } from './authorization/public-interest-use-free';
import { saleValuationRule } from './disposal/sale-needs-valuation';
import { useRevenueWithinAuthorizationRule } from './revenue/use-revenue-within-authorization';
import { protectionLevelRule } from './security/protection-level-fits-grade';
import { gradeOnStateSecretRule } from './security/no-grade-on-state-secret';
import { workSecretRule } from './sharing-opening/work-secret-not-opened';
import { publicDataRegistrationRule } from './registration/asset-needs-public-data-registration';

/**
 * The built-in ids: their findings come from the file reader, the parser, the document checks, the schema mapping,
 * the waiver comments, the configuration and `steward import`, which take their messages from these rules' metadata.
 */
export const BUILT_IN_RULES: BuiltInRule[] = [
  unreadableFileRule,
  binaryFileRule,
  invalidUtf8Rule,
  fileTooLargeRule,
  tooManyItemsRule,
  yamlSyntaxRule,
  duplicateKeyRule,
  tabIndentationRule,
  topLevelNotMappingRule,
  aliasLimitRule,
  nestingTooDeepRule,
  emptyFileRule,
  notAStewardDocumentRule,
  unknownKindRule,
  missingRequiredFieldRule,
  unknownFieldRule,
  invalidValueRule,
  wrongTypeRule,
  wrongFormatRule,
  forbiddenFieldRule,
  constraintViolatedRule,
  waiverWithoutReasonRule,
  unusedWaiverRule,
  malformedWaiverRule,
  waiverWithoutBasisRule,
  unknownRuleInConfigRule,
  pathOutsideWorkspaceRule,
  cellNotImportableRule,
  columnNotImportedRule,
  rowWithoutItemRule,
];

/** The compliance rules that check a file (item and document rules), in the order they run. */
export const RULES: Rule[] = [
  unitCodeRule,
  unitKindRule,
  inspectionRecordRule,
  inspectionDateRule,
  annualReportRule,
  supervisingDepartmentRule,
  responsiblePersonRule,
  legalBasisRule,
  processingAuthorityRule,
  personalInformationOpenedRule,
  budgetReferenceRule,
  procurementRecordRule,
  procurementStatedRule,
  authorizationAssessmentRule,
  authorizationApprovalRule,
  paidFeeRule,
  paidValuationRule,
  authorisableRightsRule,
  guaranteeRule,
  authorizationOrderRule,
  authorizationPeriodRule,
  feeWithoutPaidRule,
  paidFeeNotZeroRule,
  authorizationAfterDisposalRule,
  publicInterestFreeRule,
  notSharedBasisRule,
  conditionalSharingRule,
  classifiedOpenedRule,
  classifiedSharedFreelyRule,
  gradeScopeRule,
  conditionalOpeningRule,
  workSecretRule,
  disposalDecisionRule,
  disposalApprovalRule,
  destructionRecordRule,
  irrecoverableRule,
  destructionDetailsRule,
  disposalOrderRule,
  saleValuationRule,
  adminRevenueHandlingRule,
  institutionDisposalRevenueRule,
  revenueOriginRule,
  uncollectedRevenueRule,
  useRevenueWithinAuthorizationRule,
  assetCardRule,
  publicDataRegistrationRule,
  unknownCodeRule,
  nonDataIntangibleRule,
  nonIntangibleRule,
  edition2010Rule,
  securityRecordsRule,
  riskAssessmentAgeRule,
  protectionLevelRule,
  gradeOnStateSecretRule,
  recommendedMetadataRule,
  relatedResourcesRule,
  futureReleaseRule,
  placeholderRule,
];

/** The cross-file rules, which read the workspace index. */
export const WORKSPACE_RULES: WorkspaceRule[] = [
  missingResourceRule,
  duplicateIdRule,
  unusedResourceRule,
  relatedResourceRule,
  gradeBelowResourceRule,
  restrictedAuthorizationRule,
];

/** Every rule id's metadata, in the order `steward rules` lists them: built-in ids, file rules, cross-file rules. */
export const REGISTRY: readonly RuleMeta[] = [...BUILT_IN_RULES, ...RULES, ...WORKSPACE_RULES].map((rule) => rule.meta);

/** The rule with this id (in any case) or this name. */
export function findRule(idOrName: string): RuleMeta | undefined {
  const id = idOrName.toUpperCase();
  return REGISTRY.find((meta) => meta.id === id || meta.name === idOrName);
}
