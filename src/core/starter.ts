/**
 * The commented starter agreement `dsalint init` writes: a medical examiner agreement done
 * well, so a new user starts from something that passes and can see why.
 */
import { SCHEMA_ID } from '../schema/build-schema.js';
import { addDuration } from './facts.js';

/**
 * The latest DSPT assessment year an organisation can have published by `date`: each year's
 * assessment (April to March) is published by 30 June after it ends.
 */
export function latestDsptYear(date: string): string {
  const year = Number(date.slice(0, 4));
  const end = date.slice(5) >= '06-30' ? year : year - 1;
  return `${end - 1}-${String(end % 100).padStart(2, '0')}`;
}

/** The starter, dated `date` (YYYY-MM-DD, normally today) so that it is current when written. */
export function starterAgreement(date: string): string {
  const none = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  // A one-year term ends the day before its anniversary; from 29 February, that is 28 February.
  const anniversary = addDuration(date, { ...none, years: 1 });
  const expires = date.endsWith('-02-29') ? anniversary : addDuration(anniversary, { ...none, days: -1 });
  const reviewBy = addDuration(date, { ...none, months: 10 });
  const dspt = latestDsptYear(date);
  const year = date.slice(0, 4);
  return `# yaml-language-server: $schema=${SCHEMA_ID}
# A data sharing agreement in the dsalint format. Run \`dsalint lint\` on this file to check it;
# \`dsalint explain <rule-id>\` tells you why a finding matters and how to fix it.
dsalint: 1                              # format version
id: EXAMPLE-ME-${year}-001                 # your reference for the agreement
title: Medical examiner scrutiny of deaths in the community
version: 1.0.0
status: active                          # draft | active | suspended | expired | withdrawn
dates:
  effective_from: ${date}
  expires: ${expires}
  review_by: ${reviewBy}                 # review at least yearly
termination:
  notice_period: P3M
  data_on_termination: secure_destruction # what happens to shared data if the agreement ends early

parties:
  - id: surgery                         # short ids; the rest of the agreement uses them
    name: Example Surgery
    ods_code: A12345
    org_type: gp_practice
    role: controller
    public_authority: true
    dspt: { status: standards_met, year: ${dspt} }
  - id: meo
    name: Medical Examiner Office, Example Hospitals NHS Trust
    ods_code: RXX
    org_type: medical_examiner_office
    role: controller
    public_authority: true
    dspt: { status: standards_met, year: ${dspt} }

purposes:
  - id: me-scrutiny
    category: medical_examiner_scrutiny
    description: Independent scrutiny of the cause of death of patients of the surgery who died in the community.
    lawful_basis:
      common_law: legal_requirement     # the statutory medical examiner function
      legislation: [Coroners and Justice Act 2009 s19, The Medical Examiners (England) Regulations 2024]
      explanation: The deceased are outside UK GDPR; the duty of confidentiality is set aside by the statutory duty to provide records.

population:
  description: Patients of the surgery who have died and whose death is notified to the medical examiner office.
  scope: per_case                       # one death at a time, never the whole list
  vital_status: deceased
  national_data_opt_out: not_applicable # legal requirement: the opt-out does not apply

data:
  - id: death-review-summary
    description: Summary of the final illness and recent care relevant to the cause of death.
    categories: [nhs_number, name, date_of_birth, diagnoses_problems, medications, recent_consultations, death_details]
    identifiability: identifiable
    free_text: true
    protections: [third_party_redaction, clinician_review]
    history_window: P2Y
    justification: The medical examiner needs the final illness and recent care to confirm the cause of death.
    purposes: [me-scrutiny]

flows:
  - id: summary-to-meo
    from: surgery
    to: meo
    data: [death-review-summary]
    purposes: [me-scrutiny]
    access: { mode: per_request, trigger: per_case, duration: time_limited, window: P28D, read_only: true, audit_logging: true }
    transfer: { method: nhsmail, encrypted: true }

retention:
  - { party: meo, data: [death-review-summary], period: P10Y, starts: case_closed, record_type: medical_examiner_case_file, disposal: secure_destruction, justification: Kept with the medical examiner case file. }

security:
  measures: [role_based_access, mfa, audit_logging, encryption_in_transit, encryption_at_rest, staff_training, third_party_redaction]

breach:
  notify_parties_within: PT24H
  ico_notification_owner: meo
  contact: dpo@example-trust.nhs.uk

dpia: { reference: DPIA-${year}-001, completed: ${date}, version_covered: 1.0.0, residual_high_risk: false }

transparency:
  privacy_notices:
    - { party: surgery, url: "https://example-surgery.nhs.uk/privacy" }
    - { party: meo, url: "https://example-trust.nhs.uk/privacy" }
  rights_contact: dpo@example-trust.nhs.uk
  rights_handled_by: meo

approvals:
  - { party: surgery, role: caldicott_guardian, name: Dr A Example, date: ${date}, version: 1.0.0 }
  - { party: surgery, role: dpo, name: B Example, date: ${date}, version: 1.0.0 }
  - { party: meo, role: caldicott_guardian, name: Dr C Example, date: ${date}, version: 1.0.0 }
  - { party: meo, role: dpo, name: D Example, date: ${date}, version: 1.0.0 }
`;
}
