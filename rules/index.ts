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
import wholeSystemAccess from './whole-system-access.js';
import allFieldsScope from './all-fields-scope.js';
import populationExceedsPurpose from './population-exceeds-purpose.js';
import freeTextOrThirdPartyUnprotected from './free-text-or-third-party-unprotected.js';
import dataWithoutPurpose from './data-without-purpose.js';
import identifiableWhereDeidentifiedSuffices from './identifiable-where-deidentified-suffices.js';
import undeclaredPurposeUse from './undeclared-purpose-use.js';
import secondaryUseOnDirectCareBasis from './secondary-use-on-direct-care-basis.js';
import vaguePurpose from './vague-purpose.js';
import newPurposeWithoutCompatibility from './new-purpose-without-compatibility.js';
import marketingOrCommercialUse from './marketing-or-commercial-use.js';
import article6BasisMissingOrInvalid from './article6-basis-missing-or-invalid.js';
import commonLawBasisMissing from './common-law-basis-missing.js';
import researchWithoutConsentOrS251 from './research-without-consent-or-s251.js';
import s251ApprovalInvalid from './s251-approval-invalid.js';

// D. Special category and restricted data; E. Population; F. Retention (helper R2 adds imports here)
import specialCategoryWithoutArticle9 from './special-category-without-article9.js';
import article9WithoutDpaSchedule1Condition from './article9-without-dpa-schedule1-condition.js';
import art9hRecipientNotUnderSecrecy from './art9h-recipient-not-under-secrecy.js';
import genderRecognitionProtectedInformation from './gender-recognition-protected-information.js';
import hfeaFertilityInformation from './hfea-fertility-information.js';
import sexualHealthHeightenedSensitivity from './sexual-health-heightened-sensitivity.js';
import vulnerableCohortSecondaryUse from './vulnerable-cohort-secondary-use.js';
import cohortUndefined from './cohort-undefined.js';
import medicalExaminerScope from './medical-examiner-scope.js';
import deceasedRecordsBasis from './deceased-records-basis.js';
import nationalDataOptOutApplicability from './national-data-opt-out-applicability.js';
import type1OptOutNotHonoured from './type1-opt-out-not-honoured.js';
import retentionMissingOrIndefinite from './retention-missing-or-indefinite.js';
import retentionExceedsCodePeriod from './retention-exceeds-code-period.js';
import disposalMethodMissing from './disposal-method-missing.js';

// G. Governance sign-off; H. Security and DSPT; I. Breach; J. Transparency (helper R3 adds imports here)
import caldicottSignoffMissing from './caldicott-signoff-missing.js';
import dpoReviewMissing from './dpo-review-missing.js';
import dpiaMissingOrStale from './dpia-missing-or-stale.js';
import dsptStatusInsufficient from './dspt-status-insufficient.js';
import securityMeasuresMissing from './security-measures-missing.js';
import liveAccessWithoutControls from './live-access-without-controls.js';
import transferUnencrypted from './transfer-unencrypted.js';
import breachClauseMissing from './breach-clause-missing.js';
import breachNotificationWindow from './breach-notification-window.js';
import privacyNoticeMissing from './privacy-notice-missing.js';
import rightsAndObjectionHandlingMissing from './rights-and-objection-handling-missing.js';
import jointControllerArrangementMissing from './joint-controller-arrangement-missing.js';

// K. Processors and transfers; L. Lifecycle; hidden text; prose against structure (helper R4 adds imports here)
import processorWithoutArt28Contract from './processor-without-art28-contract.js';
import processorDeterminesPurpose from './processor-determines-purpose.js';
import internationalTransferWithoutMechanism from './international-transfer-without-mechanism.js';
import reviewDateMissingOrOverdue from './review-date-missing-or-overdue.js';
import agreementExpiredOrNoTerm from './agreement-expired-or-no-term.js';
import datesOutOfOrder from './dates-out-of-order.js';
import amendmentWithoutFreshSignoff from './amendment-without-fresh-signoff.js';
import approvalWithoutDigest from './approval-without-digest.js';
import hiddenText from './hidden-text.js';
import proseWidensScope from './prose-widens-scope.js';
import proseUndeclaredParty from './prose-undeclared-party.js';
import proseTopicMissing from './prose-topic-missing.js';

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
  wholeSystemAccess,
  allFieldsScope,
  populationExceedsPurpose,
  freeTextOrThirdPartyUnprotected,
  dataWithoutPurpose,
  identifiableWhereDeidentifiedSuffices,
  undeclaredPurposeUse,
  secondaryUseOnDirectCareBasis,
  vaguePurpose,
  newPurposeWithoutCompatibility,
  marketingOrCommercialUse,
  article6BasisMissingOrInvalid,
  commonLawBasisMissing,
  researchWithoutConsentOrS251,
  s251ApprovalInvalid,
  // D, E, F (R2)
  specialCategoryWithoutArticle9,
  article9WithoutDpaSchedule1Condition,
  art9hRecipientNotUnderSecrecy,
  genderRecognitionProtectedInformation,
  hfeaFertilityInformation,
  sexualHealthHeightenedSensitivity,
  vulnerableCohortSecondaryUse,
  cohortUndefined,
  medicalExaminerScope,
  deceasedRecordsBasis,
  nationalDataOptOutApplicability,
  type1OptOutNotHonoured,
  retentionMissingOrIndefinite,
  retentionExceedsCodePeriod,
  disposalMethodMissing,
  // G, H, I, J (R3)
  caldicottSignoffMissing,
  dpoReviewMissing,
  dpiaMissingOrStale,
  dsptStatusInsufficient,
  securityMeasuresMissing,
  liveAccessWithoutControls,
  transferUnencrypted,
  breachClauseMissing,
  breachNotificationWindow,
  privacyNoticeMissing,
  rightsAndObjectionHandlingMissing,
  jointControllerArrangementMissing,
  // K, L, text (R4)
  processorWithoutArt28Contract,
  processorDeterminesPurpose,
  internationalTransferWithoutMechanism,
  reviewDateMissingOrOverdue,
  agreementExpiredOrNoTerm,
  datesOutOfOrder,
  amendmentWithoutFreshSignoff,
  approvalWithoutDigest,
  hiddenText,
  proseWidensScope,
  proseUndeclaredParty,
  proseTopicMissing,
];
