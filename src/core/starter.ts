/**
 * The commented starter agreement `dsalint init` writes: a medical examiner agreement done
 * well, so a new user starts from something that passes and can see why.
 */
import { SCHEMA_ID } from '../schema/build-schema.js';

export function starterAgreement(): string {
  return `# yaml-language-server: $schema=${SCHEMA_ID}
# A data sharing agreement in the dsalint format. Run \`dsalint lint\` on this file to check it;
# \`dsalint explain <rule-id>\` tells you why a finding matters and how to fix it.
dsalint: 1                              # format version
id: EXAMPLE-ME-2026-001                 # your reference for the agreement
title: Medical examiner scrutiny of deaths in the community
version: 1.0.0
status: draft                           # draft | active | suspended | expired | withdrawn
dates:
  effective_from: 2026-04-01
  expires: 2027-03-31
  review_by: 2027-01-31                 # review at least yearly

parties:
  - id: surgery                         # short ids; the rest of the agreement uses them
    name: Example Surgery
    ods_code: A12345
    org_type: gp_practice
    role: controller
    public_authority: true
    dspt: { status: standards_met, year: 2025-26 }
  - id: meo
    name: Medical Examiner Office, Example Hospitals NHS Trust
    ods_code: RXX
    org_type: medical_examiner_office
    role: controller
    public_authority: true
    dspt: { status: standards_met, year: 2025-26 }

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

dpia: { reference: DPIA-2026-003, completed: 2026-03-10, version_covered: 1.0.0, residual_high_risk: false }

transparency:
  privacy_notices:
    - { party: surgery, url: "https://example-surgery.nhs.uk/privacy" }
    - { party: meo, url: "https://example-trust.nhs.uk/privacy" }
  rights_contact: dpo@example-trust.nhs.uk
  rights_handled_by: meo

approvals:
  - { party: surgery, role: caldicott_guardian, name: Dr A Example, date: 2026-03-20, version: 1.0.0 }
  - { party: surgery, role: dpo, name: B Example, date: 2026-03-18, version: 1.0.0 }
  - { party: meo, role: caldicott_guardian, name: Dr C Example, date: 2026-03-22, version: 1.0.0 }
  - { party: meo, role: dpo, name: D Example, date: 2026-03-21, version: 1.0.0 }
`;
}
