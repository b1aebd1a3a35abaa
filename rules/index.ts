/* Generated from the rule files in rules/ by `npm run generate`. Do not edit: add a rule file and regenerate. */
/**
 * The rule registry: every rule in rules/, ordered by importance and then id (each rule's
 * `meta.importance`). Reports and the rules table list rules in this order.
 */
import type { AnyRule } from '../src/core/rule.js';
import agreementExpiredOrNoTerm from './agreement-expired-or-no-term.js';
import agreementIdConflict from './agreement-id-conflict.js';
import agreementNotFinal from './agreement-not-final.js';
import allFieldsScope from './all-fields-scope.js';
import amendmentWithoutFreshSignoff from './amendment-without-fresh-signoff.js';
import approvalWithoutDigest from './approval-without-digest.js';
import art9hRecipientNotUnderSecrecy from './art9h-recipient-not-under-secrecy.js';
import article6BasisMissingOrInvalid from './article6-basis-missing-or-invalid.js';
import article9WithoutDpaSchedule1Condition from './article9-without-dpa-schedule1-condition.js';
import breachClauseMissing from './breach-clause-missing.js';
import breachNotificationWindow from './breach-notification-window.js';
import caldicottSignoffMissing from './caldicott-signoff-missing.js';
import cohortUndefined from './cohort-undefined.js';
import commonLawBasisMissing from './common-law-basis-missing.js';
import criminalOffenceDataWithoutCondition from './criminal-offence-data-without-condition.js';
import dataReleaseIncomplete from './data-release-incomplete.js';
import dataWithoutPurpose from './data-without-purpose.js';
import datesOutOfOrder from './dates-out-of-order.js';
import deceasedRecordsBasis from './deceased-records-basis.js';
import declaredButUnused from './declared-but-unused.js';
import disposalMethodMissing from './disposal-method-missing.js';
import dpiaMissingOrStale from './dpia-missing-or-stale.js';
import dpoReviewMissing from './dpo-review-missing.js';
import dsptStatusInsufficient from './dspt-status-insufficient.js';
import duplicateId from './duplicate-id.js';
import estateRenewalsDue from './estate-renewals-due.js';
import exceedsFramework from './exceeds-framework.js';
import frameworkUnresolved from './framework-unresolved.js';
import freeTextOrThirdPartyUnprotected from './free-text-or-third-party-unprotected.js';
import genderRecognitionProtectedInformation from './gender-recognition-protected-information.js';
import hfeaFertilityInformation from './hfea-fertility-information.js';
import hiddenText from './hidden-text.js';
import identifiableWhereDeidentifiedSuffices from './identifiable-where-deidentified-suffices.js';
import internationalTransferWithoutMechanism from './international-transfer-without-mechanism.js';
import jointControllerArrangementMissing from './joint-controller-arrangement-missing.js';
import labelContradictsContent from './label-contradicts-content.js';
import legalFrameworkSuperseded from './legal-framework-superseded.js';
import legalGatewayOutOfTime from './legal-gateway-out-of-time.js';
import limitReached from './limit-reached.js';
import liveAccessWithoutControls from './live-access-without-controls.js';
import marketingOrCommercialUse from './marketing-or-commercial-use.js';
import medicalExaminerScope from './medical-examiner-scope.js';
import nationalDataOptOutApplicability from './national-data-opt-out-applicability.js';
import newPurposeWithoutCompatibility from './new-purpose-without-compatibility.js';
import onwardSharingUncontrolled from './onward-sharing-uncontrolled.js';
import outdatedLawReference from './outdated-law-reference.js';
import overlappingFlowTerms from './overlapping-flow-terms.js';
import partyGroupEmpty from './party-group-empty.js';
import partyIdentityUnclear from './party-identity-unclear.js';
import partyWithoutSignoff from './party-without-signoff.js';
import populationExceedsPurpose from './population-exceeds-purpose.js';
import privacyNoticeMissing from './privacy-notice-missing.js';
import processingAgreementWithoutProcessor from './processing-agreement-without-processor.js';
import processorDeterminesPurpose from './processor-determines-purpose.js';
import processorWithoutArt28Contract from './processor-without-art28-contract.js';
import proseTopicMissing from './prose-topic-missing.js';
import proseUndeclaredParty from './prose-undeclared-party.js';
import proseWidensScope from './prose-widens-scope.js';
import purposeCategoryContradictsDescription from './purpose-category-contradicts-description.js';
import purposesTooBroad from './purposes-too-broad.js';
import recipientAccessAggregates from './recipient-access-aggregates.js';
import referenceUnresolved from './reference-unresolved.js';
import researchWithoutConsentOrS251 from './research-without-consent-or-s251.js';
import retentionExceedsCodePeriod from './retention-exceeds-code-period.js';
import retentionMissingOrIndefinite from './retention-missing-or-indefinite.js';
import reviewDateMissingOrOverdue from './review-date-missing-or-overdue.js';
import rightsAndObjectionHandlingMissing from './rights-and-objection-handling-missing.js';
import roleContradiction from './role-contradiction.js';
import s251ApprovalInvalid from './s251-approval-invalid.js';
import schema from './schema.js';
import secondaryUseOnDirectCareBasis from './secondary-use-on-direct-care-basis.js';
import securityMeasuresMissing from './security-measures-missing.js';
import sexualHealthHeightenedSensitivity from './sexual-health-heightened-sensitivity.js';
import specialCategoryWithoutArticle9 from './special-category-without-article9.js';
import templatePresentedAsInForce from './template-presented-as-in-force.js';
import transferUnencrypted from './transfer-unencrypted.js';
import type1OptOutNotHonoured from './type1-opt-out-not-honoured.js';
import undeclaredPurposeUse from './undeclared-purpose-use.js';
import vaguePurpose from './vague-purpose.js';
import vulnerableCohortSecondaryUse from './vulnerable-cohort-secondary-use.js';
import waiverInvalid from './waiver-invalid.js';
import wholeSystemAccess from './whole-system-access.js';
import yamlAlias from './yaml-alias.js';
import yamlCustomTag from './yaml-custom-tag.js';
import yamlDuplicateKey from './yaml-duplicate-key.js';
import yamlSyntax from './yaml-syntax.js';

export const RULES: readonly AnyRule[] = [
  yamlSyntax,
  yamlAlias,
  yamlCustomTag,
  schema,
  yamlDuplicateKey,
  hiddenText,
  frameworkUnresolved,
  referenceUnresolved,
  duplicateId,
  partyGroupEmpty,
  agreementIdConflict,
  limitReached,
  wholeSystemAccess,
  article6BasisMissingOrInvalid,
  recipientAccessAggregates,
  commonLawBasisMissing,
  caldicottSignoffMissing,
  specialCategoryWithoutArticle9,
  amendmentWithoutFreshSignoff,
  labelContradictsContent,
  researchWithoutConsentOrS251,
  secondaryUseOnDirectCareBasis,
  templatePresentedAsInForce,
  agreementNotFinal,
  article9WithoutDpaSchedule1Condition,
  legalGatewayOutOfTime,
  s251ApprovalInvalid,
  criminalOffenceDataWithoutCondition,
  marketingOrCommercialUse,
  exceedsFramework,
  genderRecognitionProtectedInformation,
  purposesTooBroad,
  hfeaFertilityInformation,
  onwardSharingUncontrolled,
  agreementExpiredOrNoTerm,
  undeclaredPurposeUse,
  allFieldsScope,
  populationExceedsPurpose,
  medicalExaminerScope,
  overlappingFlowTerms,
  nationalDataOptOutApplicability,
  processingAgreementWithoutProcessor,
  type1OptOutNotHonoured,
  processorWithoutArt28Contract,
  internationalTransferWithoutMechanism,
  roleContradiction,
  jointControllerArrangementMissing,
  newPurposeWithoutCompatibility,
  dataReleaseIncomplete,
  liveAccessWithoutControls,
  transferUnencrypted,
  dpiaMissingOrStale,
  securityMeasuresMissing,
  breachClauseMissing,
  retentionMissingOrIndefinite,
  dsptStatusInsufficient,
  cohortUndefined,
  freeTextOrThirdPartyUnprotected,
  art9hRecipientNotUnderSecrecy,
  legalFrameworkSuperseded,
  sexualHealthHeightenedSensitivity,
  vulnerableCohortSecondaryUse,
  deceasedRecordsBasis,
  partyIdentityUnclear,
  dpoReviewMissing,
  approvalWithoutDigest,
  breachNotificationWindow,
  partyWithoutSignoff,
  retentionExceedsCodePeriod,
  declaredButUnused,
  processorDeterminesPurpose,
  identifiableWhereDeidentifiedSuffices,
  reviewDateMissingOrOverdue,
  outdatedLawReference,
  estateRenewalsDue,
  privacyNoticeMissing,
  purposeCategoryContradictsDescription,
  rightsAndObjectionHandlingMissing,
  dataWithoutPurpose,
  disposalMethodMissing,
  proseWidensScope,
  proseUndeclaredParty,
  datesOutOfOrder,
  proseTopicMissing,
  vaguePurpose,
  waiverInvalid,
];
