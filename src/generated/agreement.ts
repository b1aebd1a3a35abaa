/* Generated from schema/agreement.schema.json by `npm run generate`. Do not edit. */

/**
 * What sort of document this is. When absent, a data sharing agreement.
 */
export type AgreementKind =
  'sharing_agreement' | 'overarching_protocol' | 'processing_agreement' | 'template' | 'data_release';
export type InheritableSection =
  | 'lawful_basis'
  | 'security'
  | 'breach'
  | 'retention'
  | 'transparency'
  | 'dpia'
  | 'termination'
  | 'joint_controller_arrangement'
  | 'international_transfers';
/**
 * Where the agreement is in its life.
 */
export type AgreementStatus = 'draft' | 'active' | 'suspended' | 'expired' | 'withdrawn';
/**
 * The law the agreement was assessed against. When absent, rules use the effective date.
 */
export type LegalFramework = 'uk_gdpr_pre_duaa' | 'uk_gdpr_post_duaa_2026' | 'dpa_1998' | 'eu_gdpr_dpa_2018';
/**
 * How the parties accept the agreement. When absent, each party signs it.
 */
export type AgreementAcceptance = 'signed' | 'click_through' | 'deemed_by_contract' | 'per_referral';
/**
 * What happens at the end of the term.
 */
export type Renewal = 'none' | 'automatic' | 'on_review';
/**
 * What happens to shared data when the agreement ends.
 */
export type DisposalMethod =
  'secure_destruction' | 'return_to_controller' | 'anonymise' | 'transfer_to_place_of_deposit';
/**
 * What kind of organisation this is; several rules depend on it.
 */
export type OrgType =
  | 'gp_practice'
  | 'pcn'
  | 'gp_federation'
  | 'icb'
  | 'commissioning_support_unit'
  | 'nhs_trust_acute'
  | 'nhs_trust_community'
  | 'nhs_trust_mental_health'
  | 'ambulance_trust'
  | 'independent_health_provider'
  | 'medical_examiner_office'
  | 'local_authority_adult_social_care'
  | 'local_authority_childrens_services'
  | 'local_authority_public_health'
  | 'safeguarding_team'
  | 'safeguarding_adults_board'
  | 'safeguarding_children_partnership'
  | 'adult_social_care_provider'
  | 'community_pharmacy'
  | 'sexual_health_service'
  | 'fertility_clinic'
  | 'coroner'
  | 'police'
  | 'university_or_researcher'
  | 'nhs_england'
  | 'ukhsa'
  | 'regulator'
  | 'commercial_supplier'
  | 'vcse'
  | 'hospice'
  | 'voluntary_care_provider'
  | 'dental_practice'
  | 'optometrist'
  | 'county_council'
  | 'district_council'
  | 'unitary_council'
  | 'fire_and_rescue'
  | 'probation'
  | 'dwp'
  | 'cps'
  | 'police_and_crime_commissioner'
  | 'government_department'
  | 'registered_housing_provider'
  | 'school_or_academy';
/**
 * Its data protection role under this agreement.
 */
export type PartyRole = 'controller' | 'joint_controller' | 'processor' | 'sub_processor';
/**
 * The published DSPT status.
 */
export type DsptStatus =
  'standards_exceeded' | 'standards_met' | 'approaching_standards' | 'standards_not_met' | 'not_published';
/**
 * The kind of purpose; decides whether it is direct care or a secondary use, and whether opt-outs apply.
 */
export type PurposeCategory =
  | 'individual_care'
  | 'safeguarding'
  | 'safeguarding_review'
  | 'medical_examiner_scrutiny'
  | 'coroner'
  | 'legal_court_order'
  | 'law_enforcement'
  | 'population_health_management'
  | 'risk_stratification_case_finding'
  | 'risk_stratification_commissioning'
  | 'planning_commissioning'
  | 'invoice_validation'
  | 'research'
  | 'clinical_audit_local'
  | 'national_clinical_audit'
  | 'service_evaluation'
  | 'public_health'
  | 'official_statistics'
  | 'disease_registration'
  | 'regulatory'
  | 'marketing'
  | 'commercial'
  | 'insurance'
  | 'staff_management'
  | 'complaints_and_incidents'
  | 'housing'
  | 'national_security';
/**
 * The UK GDPR Article 6(1) lawful basis.
 */
export type Article6 =
  | 'a_consent'
  | 'b_contract'
  | 'c_legal_obligation'
  | 'd_vital_interests'
  | 'e_public_task'
  | 'ea_recognised_legitimate_interest'
  | 'f_legitimate_interests';
/**
 * The UK GDPR Article 9(2) condition for special category data.
 */
export type Article9 =
  | 'a_explicit_consent'
  | 'b_employment_social_protection'
  | 'c_vital_interests'
  | 'd_not_for_profit'
  | 'e_made_public'
  | 'f_legal_claims'
  | 'g_substantial_public_interest'
  | 'h_health_or_social_care'
  | 'i_public_health'
  | 'j_archiving_research_statistics';
/**
 * The DPA 2018 Schedule 1 condition that completes the Article 9 condition.
 */
export type DpaSchedule1 =
  | 'part1_para1'
  | 'part1_para2'
  | 'part1_para3'
  | 'part1_para4'
  | 'part2_para6'
  | 'part2_para10'
  | 'part2_para17'
  | 'part2_para18';
/**
 * The basis that sets aside the common-law duty of confidentiality.
 */
export type CommonLaw =
  | 'implied_consent'
  | 'explicit_consent'
  | 's251_support'
  | 'copi_reg3_public_health'
  | 'legal_requirement'
  | 'court_order'
  | 'overriding_public_interest'
  | 'not_confidential';
export type CompatibilityFactor =
  | 'link_between_purposes'
  | 'context_and_relationship'
  | 'nature_of_data'
  | 'consequences_for_data_subjects'
  | 'safeguards';
/**
 * The UK GDPR Annex 2 condition that treats the new purpose as compatible (from 5 February 2026).
 */
export type Annex2Condition =
  | 'public_task_disclosure_request'
  | 'archiving_disclosure_request'
  | 'public_security'
  | 'emergencies'
  | 'crime'
  | 'vital_interests'
  | 'safeguarding_vulnerable_individuals'
  | 'taxation'
  | 'legal_obligation';
/**
 * How the patients are chosen.
 */
export type PopulationScope = 'per_case' | 'defined_cohort' | 'all_registered';
/**
 * Whether the records are of living or deceased patients.
 */
export type VitalStatus = 'living' | 'deceased' | 'both';
export type VulnerableGroup = 'children' | 'adults_at_risk' | 'people_lacking_capacity' | 'people_in_detention';
/**
 * How national data opt-outs are handled.
 */
export type OptOutHandling = 'applied' | 'not_applied' | 'not_applicable' | 'cag_exempt';
/**
 * How GP Type 1 objections are handled.
 */
export type OptOutHandling1 = 'applied' | 'not_applied' | 'not_applicable' | 'cag_exempt';
/**
 * Its role for this purpose.
 */
export type PartyRole1 = 'controller' | 'joint_controller' | 'processor' | 'sub_processor';
export type DataCategory =
  | 'nhs_number'
  | 'name'
  | 'date_of_birth'
  | 'address_postcode'
  | 'contact_details'
  | 'demographics_admin'
  | 'ethnicity'
  | 'religion'
  | 'next_of_kin_carer'
  | 'diagnoses_problems'
  | 'medications'
  | 'allergies'
  | 'test_results'
  | 'immunisations'
  | 'procedures_referrals'
  | 'recent_consultations'
  | 'consultation_free_text'
  | 'correspondence_documents'
  | 'mental_health'
  | 'substance_misuse'
  | 'sexual_health_sti'
  | 'hiv_status'
  | 'contraception_pregnancy'
  | 'termination_of_pregnancy'
  | 'fertility_treatment'
  | 'gender_identity'
  | 'gender_history'
  | 'genetic'
  | 'safeguarding'
  | 'criminal_offence_data'
  | 'third_party_information'
  | 'social_circumstances'
  | 'disability_learning_disability'
  | 'death_details'
  | 'opt_out_codes'
  | 'appointments_activity'
  | 'staff_data'
  | 'staff_monitoring'
  | 'online_identifiers'
  | 'financial'
  | 'full_record';
/**
 * How identifiable the data is when shared.
 */
export type Identifiability = 'identifiable' | 'pseudonymised' | 'anonymised' | 'aggregate';
export type DataProtection =
  'third_party_redaction' | 'sensitive_code_filter' | 'clinician_review' | 'free_text_excluded';
/**
 * The kind of record, for retention periods.
 */
export type RecordType =
  | 'gp_patient_record'
  | 'gp_patient_record_deceased'
  | 'adult_health_record'
  | 'adult_social_care_record'
  | 'childrens_record'
  | 'mental_health_record'
  | 'maternity_record'
  | 'safeguarding_record'
  | 'medical_examiner_case_file'
  | 'research_dataset'
  | 'audit_log'
  | 'derived_analytics';
/**
 * The access mode.
 */
export type AccessMode = 'extract' | 'feed' | 'per_request' | 'live_system_access' | 'secure_data_environment';
/**
 * What starts each disclosure.
 */
export type AccessTrigger = 'per_case' | 'scheduled' | 'on_demand';
/**
 * How long access lasts.
 */
export type AccessDuration = 'one_off' | 'time_limited' | 'standing';
/**
 * The transfer method.
 */
export type TransferMethod =
  | 'nhsmail'
  | 'secure_file_transfer'
  | 'api'
  | 'shared_care_record'
  | 'clinical_system'
  | 'unencrypted_email'
  | 'fax'
  | 'post_unsecured'
  | 'removable_media_unencrypted';
/**
 * The event the period runs from.
 */
export type RetentionStart =
  | 'receipt'
  | 'case_closed'
  | 'death'
  | 'last_contact'
  | 'study_end'
  | 'agreement_end'
  | 'creation'
  | 'end_of_treatment'
  | 'date_of_birth'
  | 'incident_date'
  | 'contract_end'
  | 'next_extract';
/**
 * The kind of record, to compare with the Records Management Code where dsalint holds a period verified in the Code (none is compared for mental_health_record, safeguarding_record, medical_examiner_case_file, research_dataset, audit_log).
 */
export type RecordType1 =
  | 'gp_patient_record'
  | 'gp_patient_record_deceased'
  | 'adult_health_record'
  | 'adult_social_care_record'
  | 'childrens_record'
  | 'mental_health_record'
  | 'maternity_record'
  | 'safeguarding_record'
  | 'medical_examiner_case_file'
  | 'research_dataset'
  | 'audit_log'
  | 'derived_analytics';
/**
 * What happens to the data at the end of the period.
 */
export type DisposalMethod1 =
  'secure_destruction' | 'return_to_controller' | 'anonymise' | 'transfer_to_place_of_deposit';
export type SecurityMeasure =
  | 'role_based_access'
  | 'mfa'
  | 'audit_logging'
  | 'legitimate_relationship'
  | 'encryption_in_transit'
  | 'encryption_at_rest'
  | 'staff_training'
  | 'pseudonymisation'
  | 'access_review'
  | 'third_party_redaction'
  | 'penetration_testing';
export type DpiaHighRiskIndicator =
  | 'innovative_technology'
  | 'denial_of_service'
  | 'large_scale_profiling'
  | 'biometric'
  | 'genetic'
  | 'data_matching'
  | 'invisible_processing'
  | 'tracking'
  | 'targeting_children_or_vulnerable'
  | 'risk_of_physical_harm'
  | 'large_scale_special_category';
export type Art28Term =
  | 'documented_instructions'
  | 'confidentiality'
  | 'security'
  | 'sub_processor_conditions'
  | 'data_subject_rights_assistance'
  | 'assist_controller_arts32_36'
  | 'end_of_contract_delete_or_return'
  | 'audits_information';
export type JointControllerResponsibility =
  'rights_requests' | 'privacy_information' | 'breach_notification' | 'security' | 'dpia';
/**
 * The UK GDPR Chapter V transfer mechanism.
 */
export type TransferMechanism =
  'uk_adequacy_regulations' | 'idta' | 'uk_addendum_eu_sccs' | 'binding_corporate_rules' | 'exception';
/**
 * The signatory's role.
 */
export type SignoffRole =
  'caldicott_guardian' | 'dpo' | 'siro' | 'ig_lead' | 'information_asset_owner' | 'authorised_signatory';

/**
 * A data sharing agreement for UK health and care, in the dsalint format.
 */
export interface Agreement {
  /**
   * The version of the dsalint agreement format. Always 1 for now.
   */
  dsalint: 1;
  /**
   * The agreement's reference, such as NEL-ME-2026-014.
   */
  id: string;
  /**
   * A title a patient would understand.
   */
  title: string;
  kind?: AgreementKind;
  framework?: Framework;
  /**
   * The agreement's version, such as 1.2.0.
   */
  version?: string;
  status?: AgreementStatus;
  legal_framework?: LegalFramework;
  /**
   * Whether the document binds the parties. A policy that says it is "non-contractual and may be changed at any time" is not a binding agreement.
   */
  binding?: boolean;
  acceptance?: AgreementAcceptance;
  /**
   * Earlier agreements (by reference) that this one replaces.
   */
  supersedes?: string[];
  /**
   * The agreement (by reference) that has replaced this one.
   */
  superseded_by?: string;
  /**
   * The UK nation whose health and care rules apply. Defaults to england.
   */
  jurisdiction?: 'england' | 'wales' | 'scotland' | 'northern_ireland';
  dates?: Dates;
  termination?: Termination;
  /**
   * The organisations that are party to the agreement.
   */
  parties?: Party[];
  /**
   * Why the data is shared.
   */
  purposes?: Purpose[];
  population?: Population1;
  /**
   * What data is shared.
   */
  data?: DataItem[];
  /**
   * Who sends what to whom, how.
   */
  flows?: Flow[];
  onward_sharing?: OnwardSharing;
  commercial_use?: CommercialUse;
  /**
   * How long each party keeps the data.
   */
  retention?: RetentionEntry[];
  security?: Security;
  breach?: Breach;
  dpia?: Dpia;
  transparency?: Transparency;
  /**
   * Processors and their contracts.
   */
  processors?: ProcessorArrangement[];
  joint_controller_arrangement?: JointControllerArrangement;
  /**
   * Restricted transfers outside the UK.
   */
  international_transfers?: InternationalTransfer[];
  /**
   * Sign-offs by accountable officers.
   */
  approvals?: Approval[];
  /**
   * Earlier versions of the agreement.
   */
  history?: HistoryEntry[];
  imported?: Imported;
}
/**
 * The overarching protocol (or framework agreement) this agreement sits under.
 */
export interface Framework {
  /**
   * The protocol's reference, as in its own `id`.
   */
  id: string;
  /**
   * The protocol's title.
   */
  title?: string;
  /**
   * The version of the protocol this agreement follows.
   */
  version?: string;
  /**
   * Where the protocol's dsalint file is, relative to this file, such as ../protocol/isp.dsa.yaml. When it is among the files being checked, this agreement is checked together with it.
   */
  path?: string;
  /**
   * Sections this agreement takes from the protocol instead of writing them out (such as "security and retention as in the overarching protocol").
   */
  inherits?: InheritableSection[];
}
/**
 * Key dates. Dates may be written to the month only (YYYY-MM) when that is all the document gives.
 */
export interface Dates {
  /**
   * When the agreement takes effect.
   */
  effective_from?: string;
  /**
   * When the agreement ends. A month means the end of that month.
   */
  expires?: string;
  /**
   * When the agreement must next be reviewed. A month means the end of that month.
   */
  review_by?: string;
  /**
   * When the agreement was last reviewed.
   */
  last_reviewed?: string;
  /**
   * How long the agreement lasts from when it takes effect, when it gives a length rather than an end date, such as P12M.
   */
  initial_term?: string;
  renewal?: Renewal;
  /**
   * How long each renewal lasts, such as P1Y.
   */
  renewal_term?: string;
}
/**
 * What happens when the agreement ends early.
 */
export interface Termination {
  /**
   * How much notice a party must give, such as P3M.
   */
  notice_period?: string;
  data_on_termination?: DisposalMethod;
}
/**
 * An organisation that is party to the agreement, or a group of organisations that take part alike.
 */
export interface Party {
  /**
   * Short id that the rest of the agreement uses to name this party.
   */
  id: string;
  /**
   * The organisation's full legal name.
   */
  name: string;
  /**
   * The organisation's ODS code.
   */
  ods_code?: string;
  /**
   * The organisation's registered legal name, when the name above is a trading or everyday name.
   */
  legal_name?: string;
  /**
   * Its Companies House number.
   */
  company_number?: string;
  /**
   * Its charity registration number, such as 1012345 or SC012345.
   */
  charity_number?: string;
  /**
   * Its registration number with the Information Commissioner, such as ZA123456.
   */
  ico_registration?: string;
  group?: PartyGroup;
  /**
   * Whether the party is a blank to be filled in (in a template), such as "[Practice name]".
   */
  placeholder?: boolean;
  org_type?: OrgType;
  role?: PartyRole;
  /**
   * Whether it is a public authority (GP practices providing NHS services are). Public authorities cannot rely on legitimate interests for their tasks.
   */
  public_authority?: boolean;
  /**
   * Where it processes the data, as an ISO 3166 two-letter code. Defaults to GB.
   */
  country?: string;
  dspt?: Dspt;
  /**
   * Whether everyone at this party who sees the data is a health or social work professional or owes an equivalent duty of confidentiality (UK GDPR Art 9(3), DPA 2018 s11(1)).
   */
  duty_of_confidentiality?: boolean;
  /**
   * Reference to its appropriate policy document (DPA 2018 Sch 1 Part 4), needed for some Schedule 1 conditions.
   */
  appropriate_policy_document?: string;
}
/**
 * Marks this party as a group of organisations that take part alike, such as "every member practice of Riverside PCN" or "any signatory to the protocol". Give the members, their number, or say it is every signatory.
 */
export interface PartyGroup {
  /**
   * Who belongs to the group, in words.
   */
  description?: string;
  /**
   * The member organisations, when they are listed.
   */
  members?: GroupMember[];
  /**
   * How many organisations belong to the group, when they are not all listed.
   */
  count?: number;
  /**
   * Whether the group is every organisation that has signed the overarching protocol (in a protocol: every signatory of it).
   */
  any_signatory?: boolean;
}
/**
 * One member of a group of parties.
 */
export interface GroupMember {
  /**
   * The member organisation's name.
   */
  name: string;
  /**
   * The organisation's ODS code.
   */
  ods_code?: string;
  /**
   * The organisation's registered legal name, when the name above is a trading or everyday name.
   */
  legal_name?: string;
  /**
   * Its Companies House number.
   */
  company_number?: string;
  /**
   * Its charity registration number, such as 1012345 or SC012345.
   */
  charity_number?: string;
  /**
   * Its registration number with the Information Commissioner, such as ZA123456.
   */
  ico_registration?: string;
}
/**
 * Its latest Data Security and Protection Toolkit publication.
 */
export interface Dspt {
  status?: DsptStatus;
  /**
   * The assessment year, such as 2025-26.
   */
  year?: string;
  /**
   * Reference to the published improvement plan (needed for Approaching Standards).
   */
  improvement_plan?: string;
}
/**
 * One purpose the data is shared for.
 */
export interface Purpose {
  /**
   * Short id that data items and flows use to name this purpose.
   */
  id: string;
  category?: PurposeCategory;
  /**
   * What the purpose is, specifically enough that a patient would recognise it.
   */
  description?: string;
  lawful_basis?: LawfulBasis;
  /**
   * The party that decides this purpose (a controller).
   */
  owner?: string;
  /**
   * The agreement version that added this purpose, when it was not in the first version.
   */
  added_in_version?: string;
  compatibility_assessment?: CompatibilityAssessment;
  annex2_condition?: Annex2Condition;
  population?: Population;
  /**
   * Each party's role for this purpose, where it differs from the role given under `parties` (a party can be a controller for one purpose and a processor for another).
   */
  roles?: PurposeRole[];
}
/**
 * The legal bases the purpose rests on: UK GDPR, DPA 2018 and the common-law duty of confidentiality.
 */
export interface LawfulBasis {
  article_6?: Article6;
  article_9?: Article9;
  dpa_schedule_1?: DpaSchedule1;
  /**
   * The basis for criminal offence data (UK GDPR Art 10 and DPA 2018 s10(5)), where any is shared.
   */
  article_10?: string;
  common_law?: CommonLaw;
  /**
   * Statutes and provisions relied on, in words, such as "Coroners and Justice Act 2009 s19".
   */
  legislation?: string[];
  s251?: S251Support;
  copi_notice?: CopiNotice;
  /**
   * Acts of Parliament or regulations that allow or require this sharing, each with the date it came into force.
   */
  statutory_gateways?: StatutoryGateway[];
  /**
   * Why these bases apply, in plain English.
   */
  explanation?: string;
}
/**
 * Section 251 support from the Confidentiality Advisory Group.
 */
export interface S251Support {
  /**
   * The CAG reference, such as 21/CAG/0032.
   */
  reference?: string;
  /**
   * When the approval ends.
   */
  expires?: string;
  /**
   * Whether CAG exempted this use from the national data opt-out standard condition.
   */
  ndoo_exempt?: boolean;
}
/**
 * A notice under regulation 3(4) of the Health Service (Control of Patient Information) Regulations 2002, which requires or allows sharing for a limited time (for example during the COVID-19 pandemic).
 */
export interface CopiNotice {
  /**
   * The notice, such as "COPI notice to NHS England, 2020".
   */
  reference?: string;
  /**
   * When the notice was issued.
   */
  issued?: string;
  /**
   * When the notice ends; sharing that relies on it must stop then.
   */
  expires?: string;
}
/**
 * One statutory power or duty to share.
 */
export interface StatutoryGateway {
  /**
   * The provision, such as "Health and Care Act 2022 s96" or "Care Act 2014 s45".
   */
  provision: string;
  /**
   * When the provision came into force (commenced).
   */
  in_force_from?: string;
  /**
   * Where it can be read, on legislation.gov.uk.
   */
  url?: string;
}
/**
 * Assessment that a new purpose is compatible with the original one (UK GDPR Art 8A; Art 6(4) before 5 February 2026).
 */
export interface CompatibilityAssessment {
  /**
   * Where the assessment is recorded.
   */
  reference?: string;
  /**
   * When it was made.
   */
  date?: string;
  /**
   * The compatibility factors the assessment considered.
   */
  factors?: CompatibilityFactor[];
}
/**
 * Whose records are shared for this purpose, when it differs from the agreement's population. It replaces the agreement-wide `population` for this purpose.
 */
export interface Population {
  /**
   * The patients covered, in words.
   */
  description?: string;
  scope?: PopulationScope;
  /**
   * The criteria that define the cohort (for a defined cohort).
   */
  inclusion_criteria?: string[];
  vital_status?: VitalStatus;
  age_range?: AgeRange;
  /**
   * Vulnerable groups among the patients covered.
   */
  vulnerable_groups?: VulnerableGroup[];
  /**
   * About how many patients are covered, such as 250000; used to judge whether processing is large scale.
   */
  cohort_size?: number;
  /**
   * How far back the records go, as an ISO 8601 duration such as P2Y, or "all".
   */
  history_window?: string;
  national_data_opt_out?: OptOutHandling;
  type1_objections?: OptOutHandling1;
}
/**
 * The ages covered.
 */
export interface AgeRange {
  /**
   * Youngest age included.
   */
  min?: number;
  /**
   * Oldest age included.
   */
  max?: number;
}
/**
 * The data protection role one party has for this purpose.
 */
export interface PurposeRole {
  /**
   * The party (by id).
   */
  party: string;
  role: PartyRole1;
}
/**
 * Whose records are shared.
 */
export interface Population1 {
  /**
   * The patients covered, in words.
   */
  description?: string;
  scope?: PopulationScope;
  /**
   * The criteria that define the cohort (for a defined cohort).
   */
  inclusion_criteria?: string[];
  vital_status?: VitalStatus;
  age_range?: AgeRange;
  /**
   * Vulnerable groups among the patients covered.
   */
  vulnerable_groups?: VulnerableGroup[];
  /**
   * About how many patients are covered, such as 250000; used to judge whether processing is large scale.
   */
  cohort_size?: number;
  /**
   * How far back the records go, as an ISO 8601 duration such as P2Y, or "all".
   */
  history_window?: string;
  national_data_opt_out?: OptOutHandling;
  type1_objections?: OptOutHandling1;
}
/**
 * A set of data items shared together.
 */
export interface DataItem {
  /**
   * Short id that flows and retention entries use to name this data.
   */
  id: string;
  /**
   * What the data is, in words.
   */
  description?: string;
  /**
   * The categories of data included.
   *
   * @minItems 1
   */
  categories?: [DataCategory, ...DataCategory[]];
  identifiability?: Identifiability;
  /**
   * Whether free text (consultation notes, letters) is included.
   */
  free_text?: boolean;
  /**
   * Protections applied before the data is shared.
   */
  protections?: DataProtection[];
  /**
   * How far back this data goes, as an ISO 8601 duration such as P2Y, or "all".
   */
  history_window?: string;
  /**
   * Why each item is needed for the purposes named.
   */
  justification?: string;
  /**
   * The purposes (by id) this data is needed for.
   */
  purposes?: string[];
  record_type?: RecordType;
  /**
   * The named dataset this data comes from, such as Hospital Episode Statistics Admitted Patient Care.
   */
  dataset?: string;
}
/**
 * One movement of data from one party to another.
 */
export interface Flow {
  /**
   * Short id for this flow.
   */
  id: string;
  /**
   * The disclosing party (by id).
   */
  from?: string;
  /**
   * The receiving party (by id).
   */
  to?: string;
  /**
   * The data (by id) that flows.
   */
  data?: string[];
  /**
   * The purposes (by id) it flows for.
   */
  purposes?: string[];
  access?: Access;
  transfer?: Transfer;
  /**
   * Where the data goes, as an ISO 3166 two-letter code, when outside the UK.
   */
  destination_country?: string;
}
/**
 * How the recipient gets the data.
 */
export interface Access {
  mode?: AccessMode;
  trigger?: AccessTrigger;
  duration?: AccessDuration;
  /**
   * How long each access lasts, such as P28D.
   */
  window?: string;
  /**
   * When access starts.
   */
  start?: string;
  /**
   * When access ends.
   */
  end?: string;
  /**
   * Whether access is read-only.
   */
  read_only?: boolean;
  /**
   * Whether access is limited by role (Smartcard role-based access).
   */
  role_based_access?: boolean;
  /**
   * Whether every access is logged and audited.
   */
  audit_logging?: boolean;
  /**
   * Whether access needs a legitimate relationship with the patient.
   */
  legitimate_relationship?: boolean;
  /**
   * The system accessed, such as GP Connect or the shared care record.
   */
  system?: string;
}
/**
 * How the data travels.
 */
export interface Transfer {
  method?: TransferMethod;
  /**
   * Whether the data is encrypted in transit.
   */
  encrypted?: boolean;
}
/**
 * Whether recipients may pass the data on to others.
 */
export interface OnwardSharing {
  /**
   * Whether recipients may share the data onward at all.
   */
  allowed?: boolean;
  /**
   * Whether recipients may sublicense the data (let others use it under their own terms).
   */
  sublicensing?: boolean;
  /**
   * Who it may be passed to, in words.
   */
  to?: string[];
  /**
   * The conditions on onward sharing, in words.
   */
  conditions?: string;
}
/**
 * Whether the data may be used for commercial purposes.
 */
export interface CommercialUse {
  /**
   * Whether any commercial use is allowed.
   */
  allowed?: boolean;
  /**
   * The consent or permission under which commercial use happens, when it is allowed.
   */
  consent?: string;
  /**
   * What commercial use is allowed, in words.
   */
  description?: string;
}
/**
 * How long one party keeps some data.
 */
export interface RetentionEntry {
  /**
   * The party (by id) that keeps the data.
   */
  party?: string;
  /**
   * The data (by id) this applies to.
   */
  data?: string[];
  /**
   * How long the data is kept, as an ISO 8601 duration such as P8Y.
   */
  period?: string;
  starts?: RetentionStart;
  record_type?: RecordType1;
  /**
   * Why this period is needed.
   */
  justification?: string;
  disposal?: DisposalMethod1;
}
/**
 * Security measures the parties commit to.
 */
export interface Security {
  /**
   * The measures in place.
   */
  measures?: SecurityMeasure[];
  /**
   * Anything else about security, in words.
   */
  notes?: string;
}
/**
 * How personal data breaches are handled between the parties.
 */
export interface Breach {
  /**
   * How soon a party tells the others after becoming aware of a breach, such as PT24H.
   */
  notify_parties_within?: string;
  /**
   * The party (by id) that decides on and makes any report to the ICO.
   */
  ico_notification_owner?: string;
  /**
   * The party (by id) that tells affected patients.
   */
  data_subject_comms_owner?: string;
  /**
   * Who to contact about a breach.
   */
  contact?: string;
}
/**
 * The data protection impact assessment.
 */
export interface Dpia {
  /**
   * Where the DPIA is recorded.
   */
  reference?: string;
  /**
   * When it was completed.
   */
  completed?: string;
  /**
   * The agreement version it assessed.
   */
  version_covered?: string;
  /**
   * Whether high risk remains after mitigation.
   */
  residual_high_risk?: boolean;
  /**
   * Reference to the ICO prior consultation (needed when high risk remains).
   */
  ico_prior_consultation?: string;
  /**
   * High-risk indicators the DPIA identified.
   */
  high_risk_indicators?: DpiaHighRiskIndicator[];
  /**
   * The measures the DPIA relies on to reduce the risks it found, and whether each is in place.
   */
  mitigations?: DpiaMitigation[];
}
/**
 * One mitigation the DPIA relies on.
 */
export interface DpiaMitigation {
  /**
   * The mitigation, in words, such as "opt-in for online record access where a risk of harm is flagged".
   */
  measure: string;
  /**
   * Whether the mitigation is in place now.
   */
  in_place?: boolean;
  /**
   * Where the DPIA records it.
   */
  reference?: string;
}
/**
 * How patients are told, and how they exercise their rights.
 */
export interface Transparency {
  /**
   * Privacy notices that describe this sharing.
   */
  privacy_notices?: PrivacyNotice[];
  /**
   * Where patients send access, rectification and objection requests.
   */
  rights_contact?: string;
  /**
   * The party (by id) that handles rights requests.
   */
  rights_handled_by?: string;
  /**
   * How a patient's objection is recorded and respected.
   */
  objection_process?: string;
}
/**
 * A privacy notice. Name the party that publishes it, or the publisher when that is not a party (such as NHS England for a national notice).
 */
export interface PrivacyNotice {
  /**
   * The party (by id) that publishes it.
   */
  party?: string;
  /**
   * Who publishes it, when that is not a party to the agreement, such as NHS England.
   */
  publisher?: string;
  /**
   * Where it is published.
   */
  url?: string;
  /**
   * The annex of this agreement that holds the notice, when it is part of the agreement, such as "Annex C".
   */
  annex?: string;
}
/**
 * A processor and its contract.
 */
export interface ProcessorArrangement {
  /**
   * The processor party (by id).
   */
  party: string;
  /**
   * The controllers (by id) it processes for.
   */
  acting_for?: string[];
  contract?: ProcessorContract;
  /**
   * Sub-processors it engages.
   */
  sub_processors?: SubProcessor[];
}
/**
 * The Art 28 contract.
 */
export interface ProcessorContract {
  /**
   * Where the contract is recorded.
   */
  reference?: string;
  /**
   * The UK GDPR Art 28(3) terms the contract contains.
   */
  terms?: Art28Term[];
}
/**
 * A sub-processor.
 */
export interface SubProcessor {
  /**
   * The sub-processor's name.
   */
  name: string;
  /**
   * Where it processes the data, as a two-letter code.
   */
  country?: string;
  /**
   * Whether the controller gave prior written authorisation.
   */
  authorised?: boolean;
}
/**
 * The UK GDPR Art 26 arrangement between joint controllers.
 */
export interface JointControllerArrangement {
  /**
   * Where the arrangement is recorded.
   */
  reference?: string;
  /**
   * The responsibilities it allocates.
   */
  responsibilities?: JointControllerResponsibility[];
  /**
   * The contact point for data subjects.
   */
  contact_point?: string;
  /**
   * Whether the essence of the arrangement is available to patients.
   */
  essence_published?: boolean;
}
/**
 * A restricted transfer outside the UK.
 */
export interface InternationalTransfer {
  /**
   * The party (by id) that receives the data.
   */
  to?: string;
  /**
   * The destination, as a two-letter code.
   */
  country?: string;
  mechanism?: TransferMechanism;
  /**
   * The Art 49 exception relied on, when the mechanism is an exception.
   */
  exception?: string;
  /**
   * Where the transfer risk assessment or contract is recorded.
   */
  reference?: string;
}
/**
 * A sign-off by an accountable officer.
 */
export interface Approval {
  /**
   * The party (by id) the signatory acts for.
   */
  party: string;
  role: SignoffRole;
  /**
   * The signatory's name.
   */
  name?: string;
  /**
   * When they signed.
   */
  date?: string;
  /**
   * The agreement version they approved.
   */
  version?: string;
  /**
   * The content digest of what they approved, as `dsalint digest` prints it (64 hexadecimal characters). An approval with a digest covers exactly that content, whatever the version says.
   */
  digest?: string;
}
/**
 * An earlier version of the agreement.
 */
export interface HistoryEntry {
  /**
   * The version.
   */
  version?: string;
  /**
   * When this version was issued for approval (before anyone signed it off).
   */
  date?: string;
  /**
   * What changed.
   */
  summary?: string;
  /**
   * false when this version only corrects wording or narrows the sharing, so approvals of the version before it still cover it. `dsalint lint --base` checks the claim against the earlier version.
   */
  material?: boolean;
  changes?: Changes;
}
/**
 * What the version changed, so that rules can tell whether fresh sign-off is needed.
 */
export interface Changes {
  /**
   * Purposes (by id) added.
   */
  added_purposes?: string[];
  /**
   * Data (by id) added.
   */
  added_data?: string[];
  /**
   * Parties (by id) added.
   */
  added_parties?: string[];
  /**
   * Whether the population was widened.
   */
  widened_population?: boolean;
  /**
   * Whether the access mode changed.
   */
  changed_access?: boolean;
}
/**
 * Set by `dsalint import`: the agreement was drafted from a Word, PDF or text document, so its body is the text the parties sign and this front matter is a draft read from it.
 */
export interface Imported {
  /**
   * The document it was imported from, such as proposed-dsa.docx.
   */
  from: string;
}
