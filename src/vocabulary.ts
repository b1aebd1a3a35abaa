/**
 * The controlled vocabularies of the agreement format, as data.
 *
 * This is the single source: the JSON Schema enums are generated from these lists
 * (src/schema/build-schema.ts) and the rules read the marks on each term (care type,
 * special category, restricted, opt-out applicability). Sources of the first release's
 * terms are in the project's domain vocabulary; terms added since carry their `source` here.
 * Terms marked `unverified` keep that mark so that user-facing text can word them carefully.
 */

export interface Term {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
  readonly unverified?: boolean;
  /** Where the value comes from (a primary source), for values added since the first release. */
  readonly source?: string;
}

function values<T extends Term>(terms: readonly T[]): string[] {
  return terms.map((t) => t.value);
}

function indexBy<T extends Term>(terms: readonly T[]): ReadonlyMap<string, T> {
  return new Map(terms.map((t) => [t.value, t]));
}

// ---------------------------------------------------------------------------------------
// Agreement lifecycle

export const AGREEMENT_KINDS: readonly Term[] = [
  {
    value: 'sharing_agreement',
    label: 'Data sharing agreement',
    description: 'An agreement that sets out specific flows of data between named organisations (the default).',
    source: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
  },
  {
    value: 'overarching_protocol',
    label: 'Overarching information sharing protocol',
    description: 'A framework (often called Tier 1) signed by many organisations that sets common standards; it has no flows of its own, and specific agreements sit under it.',
    source: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
  },
  {
    value: 'processing_agreement',
    label: 'Data processing agreement',
    description: 'A contract between a controller and a processor under UK GDPR Article 28.',
    source: 'https://www.legislation.gov.uk/eur/2016/679/article/28',
  },
  {
    value: 'template',
    label: 'Template or model agreement',
    description: 'A model agreement published to be copied and filled in; it is not itself in force and is not signed.',
    source: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
  },
  {
    value: 'data_release',
    label: 'Data release',
    description: 'One release of a dataset to one recipient, as recorded in a public register of data releases.',
    source: 'https://digital.nhs.uk/services/data-access-request-service-dars/data-uses-register',
  },
];

export const AGREEMENT_ACCEPTANCE: readonly Term[] = [
  { value: 'signed', label: 'Signed by each party', source: 'https://www.legislation.gov.uk/eur/2016/679/article/28' },
  { value: 'click_through', label: 'Accepted online (click-through)', description: 'Accepted electronically; UK GDPR Art 28(9) allows the contract to be in electronic form.', source: 'https://www.legislation.gov.uk/eur/2016/679/article/28' },
  { value: 'deemed_by_contract', label: 'Deemed agreed when a services contract is signed', description: 'The terms take effect as part of another contract (for example a clinical system supply contract).', source: 'https://www.legislation.gov.uk/eur/2016/679/article/28' },
  { value: 'per_referral', label: 'Made afresh on each referral', description: 'The terms apply each time a referral or request is made under them.' },
];

export const RENEWAL_TERMS: readonly Term[] = [
  { value: 'none', label: 'Ends at the end of its term' },
  { value: 'automatic', label: 'Renews automatically unless a party ends it' },
  { value: 'on_review', label: 'Renews only after a review agrees it' },
];

/** Sections an agreement can take from the overarching protocol it sits under, instead of writing them out. */
export const INHERITABLE_SECTIONS: readonly Term[] = [
  { value: 'lawful_basis', label: 'Legal bases', description: 'Each purpose with no legal basis of its own takes that of the protocol\'s purpose with the same id or category.' },
  { value: 'security', label: 'Security' },
  { value: 'breach', label: 'Breach handling' },
  { value: 'retention', label: 'Retention' },
  { value: 'transparency', label: 'Transparency and rights' },
  { value: 'dpia', label: 'Data protection impact assessment' },
  { value: 'termination', label: 'Termination' },
  { value: 'joint_controller_arrangement', label: 'Joint controller arrangement' },
  { value: 'international_transfers', label: 'International transfers' },
];

export const AGREEMENT_STATUSES: readonly Term[] = [
  { value: 'draft', label: 'Draft', description: 'Being written; not in force.' },
  { value: 'active', label: 'Active', description: 'In force: data may flow under it.' },
  { value: 'suspended', label: 'Suspended', description: 'Temporarily not in force; no data may flow.' },
  { value: 'expired', label: 'Expired', description: 'Its term has ended.' },
  { value: 'withdrawn', label: 'Withdrawn', description: 'Ended early by the parties.' },
];

export const LEGAL_FRAMEWORKS: readonly Term[] = [
  {
    value: 'uk_gdpr_pre_duaa',
    label: 'UK GDPR before the Data (Use and Access) Act 2025 changes',
    description: 'Assessed against UK GDPR as it stood before 5 February 2026 (Art 6(4) compatibility test).',
  },
  {
    value: 'uk_gdpr_post_duaa_2026',
    label: 'UK GDPR as amended by the Data (Use and Access) Act 2025',
    description: 'Assessed against UK GDPR from 5 February 2026 (Art 8A and Annex 2, Art 6(1)(ea)).',
  },
  {
    value: 'dpa_1998',
    label: 'Data Protection Act 1998',
    description: 'Written under the Data Protection Act 1998, repealed on 25 May 2018; still cited by some agreements in force.',
    source: 'https://www.legislation.gov.uk/ukpga/1998/29/contents',
  },
  {
    value: 'eu_gdpr_dpa_2018',
    label: 'EU GDPR and the Data Protection Act 2018',
    description: 'Written between 25 May 2018 and 31 December 2020, under the EU GDPR before it became UK GDPR.',
    source: 'https://www.legislation.gov.uk/uksi/2019/419/contents',
  },
];

/** The day DUAA 2025 ss70, 71 and 85 came into force (SI 2026/82 reg 2). */
export const DUAA_COMMENCEMENT = '2026-02-05';

// ---------------------------------------------------------------------------------------
// Parties

export const PARTY_ROLES: readonly Term[] = [
  { value: 'controller', label: 'Controller', description: 'Decides the purposes and means of processing on its own.' },
  { value: 'joint_controller', label: 'Joint controller', description: 'Decides purposes and means jointly with another controller (UK GDPR Art 26).' },
  { value: 'processor', label: 'Processor', description: 'Processes only on a controller\'s documented instructions (UK GDPR Art 28).' },
  { value: 'sub_processor', label: 'Sub-processor', description: 'A processor engaged by a processor, with the controller\'s prior written authorisation.' },
];

export interface OrgType extends Term {
  /** Provides health or social care to individuals, so can be in a patient's direct care team. */
  readonly directCare: boolean;
  /** Staff are health or social work professionals, or owe a duty of confidentiality (Art 9(3), DPA 2018 s11(1)). */
  readonly dutyOfConfidentiality: boolean;
  /** A health or adult social care organisation in England (national data opt-out and DSPT apply). */
  readonly healthOrCare: boolean;
  /** Normally a public authority (cannot rely on legitimate interests for its tasks). */
  readonly publicAuthority: boolean;
  /** An NHS body (trust or ICB) expected to have a Senior Information Risk Owner who owns information risk. */
  readonly siroExpected?: boolean;
  /**
   * Receives individual disclosures under its own statutory powers and is not normally expected to publish a
   * DSPT assessment (unless it is given access to an NHS system). A judgement, not a published list.
   */
  readonly dsptNotExpected?: boolean;
  /**
   * Holds judicial office (a coroner). UK GDPR Art 37(1)(a) does not require a court acting in its judicial
   * capacity to designate a Data Protection Officer.
   */
  readonly judicial?: boolean;
}

export const ORG_TYPES: readonly OrgType[] = [
  { value: 'gp_practice', label: 'GP practice', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'pcn', label: 'Primary care network', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'gp_federation', label: 'GP federation', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'icb', label: 'Integrated care board', directCare: false, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true, siroExpected: true },
  { value: 'commissioning_support_unit', label: 'Commissioning support unit', directCare: false, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'nhs_trust_acute', label: 'NHS acute trust', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true, siroExpected: true },
  { value: 'nhs_trust_community', label: 'NHS community trust', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true, siroExpected: true },
  { value: 'nhs_trust_mental_health', label: 'NHS mental health trust', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true, siroExpected: true },
  { value: 'ambulance_trust', label: 'NHS ambulance trust', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true, siroExpected: true },
  { value: 'independent_health_provider', label: 'Independent health care provider', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: false },
  { value: 'medical_examiner_office', label: 'Medical examiner office', directCare: false, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'local_authority_adult_social_care', label: 'Local authority adult social care', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'local_authority_childrens_services', label: 'Local authority children\'s services', directCare: false, dutyOfConfidentiality: true, healthOrCare: false, publicAuthority: true },
  { value: 'local_authority_public_health', label: 'Local authority public health', directCare: false, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'safeguarding_team', label: 'Safeguarding team (designated professionals)', directCare: false, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'safeguarding_adults_board', label: 'Safeguarding Adults Board', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true },
  { value: 'safeguarding_children_partnership', label: 'Safeguarding children partnership', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true },
  { value: 'adult_social_care_provider', label: 'Adult social care provider', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: false },
  { value: 'community_pharmacy', label: 'Community pharmacy', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: false },
  { value: 'sexual_health_service', label: 'Sexual health service', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'fertility_clinic', label: 'HFEA-licensed fertility clinic', directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: false },
  { value: 'coroner', label: 'Coroner', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true, judicial: true },
  { value: 'police', label: 'Police force', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true },
  { value: 'university_or_researcher', label: 'University or research organisation', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true },
  { value: 'nhs_england', label: 'NHS England', directCare: false, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'ukhsa', label: 'UK Health Security Agency', directCare: false, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: true },
  { value: 'regulator', label: 'Regulator (for example CQC, GMC)', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true },
  { value: 'commercial_supplier', label: 'Commercial supplier', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: false },
  { value: 'vcse', label: 'Voluntary, community or social enterprise organisation', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: false },
  // Care providers that hold confidential patient information whatever their legal form.
  {
    value: 'hospice', label: 'Hospice', description: 'Usually a charity; provides regulated health care and holds confidential patient information.',
    directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: false,
    source: 'https://www.legislation.gov.uk/uksi/2014/2936/schedule/1',
  },
  {
    value: 'voluntary_care_provider', label: 'Voluntary-sector health or care provider',
    description: 'A charity or social enterprise that provides health or social care to individuals, so holds confidential patient information.',
    directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: false,
    source: 'https://www.legislation.gov.uk/uksi/2014/2936/schedule/1',
  },
  {
    value: 'dental_practice', label: 'Dental practice', description: 'A public authority only for the NHS dental services it provides; say `public_authority: true` when so.',
    directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: false,
    source: 'https://www.legislation.gov.uk/uksi/2005/3361/contents',
  },
  {
    value: 'optometrist', label: 'Optometrist or optician practice', description: 'A public authority only for the NHS sight tests it provides; say `public_authority: true` when so.',
    directCare: true, dutyOfConfidentiality: true, healthOrCare: true, publicAuthority: false,
    source: 'https://www.legislation.gov.uk/ukpga/1989/44/contents',
  },
  // Public bodies and others that sign health and care protocols but are not health or care bodies.
  { value: 'county_council', label: 'County council', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, source: 'https://www.gov.uk/understand-how-your-council-works' },
  { value: 'district_council', label: 'District, borough or city council', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true, source: 'https://www.gov.uk/understand-how-your-council-works' },
  { value: 'unitary_council', label: 'Unitary, metropolitan or London borough council', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, source: 'https://www.gov.uk/understand-how-your-council-works' },
  { value: 'fire_and_rescue', label: 'Fire and rescue service', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true, source: 'https://www.legislation.gov.uk/ukpga/2004/21/contents' },
  { value: 'probation', label: 'Probation service', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true, source: 'https://www.legislation.gov.uk/ukpga/2007/21/contents' },
  { value: 'dwp', label: 'Department for Work and Pensions', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true, source: 'https://www.gov.uk/government/organisations/department-for-work-pensions' },
  { value: 'cps', label: 'Crown Prosecution Service', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true, source: 'https://www.legislation.gov.uk/ukpga/1985/23/contents' },
  { value: 'police_and_crime_commissioner', label: 'Police and crime commissioner', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true, source: 'https://www.legislation.gov.uk/ukpga/2011/13/contents' },
  { value: 'government_department', label: 'Government department', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true, source: 'https://www.gov.uk/government/organisations' },
  { value: 'registered_housing_provider', label: 'Registered housing provider (housing association)', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: false, dsptNotExpected: true, source: 'https://www.legislation.gov.uk/ukpga/2008/17/part/2' },
  { value: 'school_or_academy', label: 'School or academy', directCare: false, dutyOfConfidentiality: false, healthOrCare: false, publicAuthority: true, dsptNotExpected: true, source: 'https://www.legislation.gov.uk/ukpga/2000/36/schedule/1' },
];
export const ORG_TYPE = indexBy(ORG_TYPES);

export interface DsptStatusTerm extends Term {
  /** `met`: the standards are met; `approaching`: not yet, with an improvement plan; `not_met` and `unpublished`: no assurance. */
  readonly assurance: 'met' | 'approaching' | 'not_met' | 'unpublished';
}

export const DSPT_STATUSES: readonly DsptStatusTerm[] = [
  { value: 'standards_exceeded', label: 'Standards Exceeded', unverified: true, assurance: 'met' },
  { value: 'standards_met', label: 'Standards Met', assurance: 'met' },
  { value: 'approaching_standards', label: 'Approaching Standards', description: 'Requires a published improvement plan.', assurance: 'approaching' },
  { value: 'standards_not_met', label: 'Standards Not Met', unverified: true, assurance: 'not_met' },
  { value: 'not_published', label: 'Not published', description: 'No current assessment.', assurance: 'unpublished' },
];
export const DSPT_STATUS = indexBy(DSPT_STATUSES);

export const SIGNOFF_ROLES: readonly Term[] = [
  { value: 'caldicott_guardian', label: 'Caldicott Guardian' },
  { value: 'dpo', label: 'Data Protection Officer' },
  { value: 'siro', label: 'Senior Information Risk Owner' },
  { value: 'ig_lead', label: 'Information governance lead' },
  { value: 'information_asset_owner', label: 'Information asset owner' },
  { value: 'authorised_signatory', label: 'Authorised signatory' },
];

// ---------------------------------------------------------------------------------------
// Purposes

export type CareType = 'direct' | 'secondary' | 'safeguarding' | 'mixed';
export type OptOutApplies = 'yes' | 'no' | 'depends';

export interface PurposeCategory extends Term {
  readonly careType: CareType;
  /** Whether the national data opt-out applies to confidential patient information used for it. */
  readonly ndoo: OptOutApplies;
  /** Whether a GP Type 1 objection stops identifiable data leaving the practice for it. */
  readonly type1: OptOutApplies;
  /** Concerns identified individuals one case at a time, never a whole list. */
  readonly perCase: boolean;
  /** Commercial, marketing or insurance use of patient data. */
  readonly commercial?: boolean;
  /** National policy expects de-identified data unless there is no alternative. */
  readonly deidentifiedExpected?: boolean;
}

export const PURPOSE_CATEGORIES: readonly PurposeCategory[] = [
  { value: 'individual_care', label: 'Individual (direct) care', careType: 'direct', ndoo: 'no', type1: 'no', perCase: false },
  { value: 'safeguarding', label: 'Safeguarding an individual at risk', careType: 'safeguarding', ndoo: 'no', type1: 'no', perCase: true, unverified: true },
  { value: 'safeguarding_review', label: 'Safeguarding review (SAR, child safeguarding practice review, DHR)', careType: 'secondary', ndoo: 'no', type1: 'no', perCase: true },
  { value: 'medical_examiner_scrutiny', label: 'Medical examiner scrutiny of a death', careType: 'secondary', ndoo: 'no', type1: 'no', perCase: true },
  { value: 'coroner', label: 'Coroner\'s investigation', careType: 'secondary', ndoo: 'no', type1: 'no', perCase: true },
  { value: 'legal_court_order', label: 'Court order or legal claim', careType: 'secondary', ndoo: 'no', type1: 'no', perCase: true },
  { value: 'law_enforcement', label: 'Prevention or detection of crime', careType: 'secondary', ndoo: 'no', type1: 'no', perCase: true },
  { value: 'population_health_management', label: 'Population health management', careType: 'mixed', ndoo: 'yes', type1: 'yes', perCase: false },
  { value: 'risk_stratification_case_finding', label: 'Risk stratification for case finding', careType: 'direct', ndoo: 'depends', type1: 'yes', perCase: false, unverified: true },
  { value: 'risk_stratification_commissioning', label: 'Risk stratification for commissioning', careType: 'secondary', ndoo: 'yes', type1: 'yes', perCase: false, deidentifiedExpected: true },
  { value: 'planning_commissioning', label: 'Planning and commissioning', careType: 'secondary', ndoo: 'yes', type1: 'yes', perCase: false, deidentifiedExpected: true },
  { value: 'invoice_validation', label: 'Invoice validation', careType: 'secondary', ndoo: 'yes', type1: 'yes', perCase: false, deidentifiedExpected: true },
  { value: 'research', label: 'Research', careType: 'secondary', ndoo: 'yes', type1: 'yes', perCase: false },
  { value: 'clinical_audit_local', label: 'Local clinical audit by the care team', careType: 'direct', ndoo: 'no', type1: 'no', perCase: false, unverified: true },
  { value: 'national_clinical_audit', label: 'National clinical audit', careType: 'secondary', ndoo: 'depends', type1: 'yes', perCase: false },
  { value: 'service_evaluation', label: 'Service evaluation', careType: 'secondary', ndoo: 'yes', type1: 'yes', perCase: false, deidentifiedExpected: true },
  { value: 'public_health', label: 'Public health (communicable disease and other risks)', careType: 'secondary', ndoo: 'no', type1: 'depends', perCase: false },
  { value: 'official_statistics', label: 'Official statistics (ONS)', careType: 'secondary', ndoo: 'no', type1: 'no', perCase: false },
  { value: 'disease_registration', label: 'Cancer, congenital anomaly or rare disease registration', careType: 'secondary', ndoo: 'no', type1: 'no', perCase: false },
  { value: 'regulatory', label: 'Regulation (CQC, professional regulators)', careType: 'secondary', ndoo: 'no', type1: 'no', perCase: true, unverified: true },
  { value: 'marketing', label: 'Marketing', careType: 'secondary', ndoo: 'yes', type1: 'yes', perCase: false, commercial: true },
  { value: 'commercial', label: 'Commercial use', careType: 'secondary', ndoo: 'yes', type1: 'yes', perCase: false, commercial: true },
  { value: 'insurance', label: 'Insurance', careType: 'secondary', ndoo: 'yes', type1: 'yes', perCase: false, commercial: true },
  {
    value: 'staff_management', label: 'Managing staff (employment, rotas, occupational health)', careType: 'secondary', ndoo: 'no', type1: 'no', perCase: false,
    description: 'About the organisations\' own staff, not patients, so patient opt-outs do not apply.',
    source: 'https://www.legislation.gov.uk/ukpga/2018/12/schedule/1/paragraph/1',
  },
  {
    value: 'complaints_and_incidents', label: 'Investigating complaints and incidents', careType: 'secondary', ndoo: 'depends', type1: 'no', perCase: true, unverified: true,
    source: 'https://www.legislation.gov.uk/uksi/2009/309/contents',
  },
  {
    value: 'housing', label: 'Housing and homelessness', careType: 'secondary', ndoo: 'depends', type1: 'no', perCase: true, unverified: true,
    description: 'For example the duty to refer someone who may be homeless (Housing Act 1996 s213B).',
    source: 'https://www.legislation.gov.uk/ukpga/1996/52/section/213B',
  },
  {
    value: 'national_security', label: 'National security', careType: 'secondary', ndoo: 'no', type1: 'no', perCase: true, unverified: true,
    description: 'Distinct from law enforcement: DPA 2018 s26 and Part 4.',
    source: 'https://www.legislation.gov.uk/ukpga/2018/12/section/26',
  },
];
export const PURPOSE_CATEGORY = indexBy(PURPOSE_CATEGORIES);

// ---------------------------------------------------------------------------------------
// Lawful bases

export interface Article6Basis extends Term {
  /** Not available to a public authority for processing in performance of its tasks (Art 6(1), last subparagraph). */
  readonly notForPublicAuthorityTasks?: boolean;
  /** The day the basis came into force, when that is recent enough to matter (YYYY-MM-DD). */
  readonly inForceFrom?: string;
}

export const ARTICLE_6_BASES: readonly Article6Basis[] = [
  { value: 'a_consent', label: 'Art 6(1)(a) consent' },
  { value: 'b_contract', label: 'Art 6(1)(b) contract with the data subject' },
  { value: 'c_legal_obligation', label: 'Art 6(1)(c) legal obligation' },
  { value: 'd_vital_interests', label: 'Art 6(1)(d) vital interests' },
  { value: 'e_public_task', label: 'Art 6(1)(e) public task' },
  {
    value: 'ea_recognised_legitimate_interest',
    label: 'Art 6(1)(ea) recognised legitimate interest',
    description: 'Inserted by the Data (Use and Access) Act 2025 s70, in force from 5 February 2026.',
    notForPublicAuthorityTasks: true,
    inForceFrom: DUAA_COMMENCEMENT,
  },
  { value: 'f_legitimate_interests', label: 'Art 6(1)(f) legitimate interests', notForPublicAuthorityTasks: true },
];
export const ARTICLE_6_BASIS = indexBy(ARTICLE_6_BASES);

export interface Article9Condition extends Term {
  /** The condition needs a basis in UK law: a DPA 2018 Schedule 1 condition (s10). */
  readonly needsSchedule1: boolean;
  /** Only covers processing by or under the responsibility of a health or social work professional, or someone owing a duty of confidentiality (UK GDPR Art 9(3), DPA 2018 s11(1)). */
  readonly requiresConfidentiality?: boolean;
}

export const ARTICLE_9_CONDITIONS: readonly Article9Condition[] = [
  { value: 'a_explicit_consent', label: 'Art 9(2)(a) explicit consent', needsSchedule1: false },
  { value: 'b_employment_social_protection', label: 'Art 9(2)(b) employment, social security and social protection', needsSchedule1: true },
  { value: 'c_vital_interests', label: 'Art 9(2)(c) vital interests', needsSchedule1: false },
  { value: 'd_not_for_profit', label: 'Art 9(2)(d) not-for-profit bodies', needsSchedule1: false },
  { value: 'e_made_public', label: 'Art 9(2)(e) manifestly made public', needsSchedule1: false },
  { value: 'f_legal_claims', label: 'Art 9(2)(f) legal claims or judicial acts', needsSchedule1: false },
  { value: 'g_substantial_public_interest', label: 'Art 9(2)(g) substantial public interest', needsSchedule1: true },
  { value: 'h_health_or_social_care', label: 'Art 9(2)(h) health or social care', needsSchedule1: true, requiresConfidentiality: true },
  { value: 'i_public_health', label: 'Art 9(2)(i) public health', needsSchedule1: true },
  { value: 'j_archiving_research_statistics', label: 'Art 9(2)(j) archiving, research and statistics', needsSchedule1: true },
];
export const ARTICLE_9_CONDITION = indexBy(ARTICLE_9_CONDITIONS);

export interface Schedule1Condition extends Term {
  /** The Schedule 1 part the condition sits in. */
  readonly part: 1 | 2;
  /** Needs an appropriate policy document (DPA 2018 Sch 1 para 5 and Part 4). */
  readonly needsPolicyDocument: boolean;
  /** Only met when a health professional, or someone owing a duty of confidentiality, carries out or is responsible for the processing. */
  readonly requiresConfidentiality?: boolean;
  /** The Art 9(2) conditions this Schedule 1 condition can complete. */
  readonly completes: readonly string[];
}

export const DPA_SCHEDULE_1_CONDITIONS: readonly Schedule1Condition[] = [
  { value: 'part1_para1', label: 'DPA 2018 Sch 1 Part 1 para 1 (employment, social security and social protection)', part: 1, needsPolicyDocument: true, completes: ['b_employment_social_protection'] },
  { value: 'part1_para2', label: 'DPA 2018 Sch 1 Part 1 para 2 (health or social care purposes)', part: 1, needsPolicyDocument: false, completes: ['h_health_or_social_care'], requiresConfidentiality: true },
  { value: 'part1_para3', label: 'DPA 2018 Sch 1 Part 1 para 3 (public health)', part: 1, needsPolicyDocument: false, completes: ['i_public_health'], requiresConfidentiality: true },
  { value: 'part1_para4', label: 'DPA 2018 Sch 1 Part 1 para 4 (research and statistics)', part: 1, needsPolicyDocument: false, completes: ['j_archiving_research_statistics'] },
  { value: 'part2_para6', label: 'DPA 2018 Sch 1 Part 2 para 6 (statutory and government purposes)', part: 2, needsPolicyDocument: true, completes: ['g_substantial_public_interest'], unverified: true },
  { value: 'part2_para10', label: 'DPA 2018 Sch 1 Part 2 para 10 (preventing or detecting unlawful acts)', part: 2, needsPolicyDocument: true, completes: ['g_substantial_public_interest'], unverified: true },
  { value: 'part2_para17', label: 'DPA 2018 Sch 1 Part 2 para 17 (counselling)', part: 2, needsPolicyDocument: true, completes: ['g_substantial_public_interest'], unverified: true },
  { value: 'part2_para18', label: 'DPA 2018 Sch 1 Part 2 para 18 (safeguarding of children and individuals at risk)', part: 2, needsPolicyDocument: true, completes: ['g_substantial_public_interest'] },
];
export const DPA_SCHEDULE_1_CONDITION = indexBy(DPA_SCHEDULE_1_CONDITIONS);

export interface CommonLawBasis extends Term {
  /** Only available for individual care. */
  readonly directCareOnly?: boolean;
  /** The national data opt-out does not apply to disclosures on this basis. */
  readonly ndooExempt: boolean;
  /** The disclosure rests on a statute or court order, not on the patient's agreement, so an objection does not by itself stop it. */
  readonly requiredByLaw?: boolean;
}

export const COMMON_LAW_BASES: readonly CommonLawBasis[] = [
  { value: 'implied_consent', label: 'Implied consent (individual care only)', directCareOnly: true, ndooExempt: true },
  { value: 'explicit_consent', label: 'Explicit consent', ndooExempt: true },
  { value: 's251_support', label: 'Section 251 support (NHS Act 2006, COPI Regulations 2002)', ndooExempt: false },
  { value: 'copi_reg3_public_health', label: 'COPI Regulations 2002 reg 3 (communicable disease and public health risks)', ndooExempt: true },
  { value: 'legal_requirement', label: 'Legal requirement (a statute requires or permits the disclosure)', ndooExempt: true, requiredByLaw: true },
  { value: 'court_order', label: 'Court order', ndooExempt: true, requiredByLaw: true },
  { value: 'overriding_public_interest', label: 'Overriding public interest (decided case by case)', ndooExempt: true },
  { value: 'not_confidential', label: 'Not confidential (anonymised, or not given in confidence)', ndooExempt: true },
];
export const COMMON_LAW_BASIS = indexBy(COMMON_LAW_BASES);

export const ANNEX_2_CONDITIONS: readonly Term[] = [
  { value: 'public_task_disclosure_request', label: 'Disclosure requested for a public task' },
  { value: 'archiving_disclosure_request', label: 'Disclosure requested for archiving in the public interest' },
  { value: 'public_security', label: 'Public security' },
  { value: 'emergencies', label: 'Emergencies' },
  { value: 'crime', label: 'Crime' },
  { value: 'vital_interests', label: 'Vital interests' },
  { value: 'safeguarding_vulnerable_individuals', label: 'Safeguarding vulnerable individuals' },
  { value: 'taxation', label: 'Taxation' },
  { value: 'legal_obligation', label: 'Legal obligation' },
];

export const COMPATIBILITY_FACTORS: readonly Term[] = [
  { value: 'link_between_purposes', label: 'Link between the original and new purposes' },
  { value: 'context_and_relationship', label: 'Context of collection and relationship with the data subject' },
  { value: 'nature_of_data', label: 'Nature of the data (special category or criminal offence data)' },
  { value: 'consequences_for_data_subjects', label: 'Possible consequences for data subjects' },
  { value: 'safeguards', label: 'Appropriate safeguards (for example encryption, pseudonymisation)' },
];

// ---------------------------------------------------------------------------------------
// Data

export interface DataCategory extends Term {
  /** UK GDPR Art 9(1) special category data. */
  readonly special: boolean;
  /** A statute restricts disclosure or makes it an offence. */
  readonly restricted?: 'gra_s22' | 'hfea_s33a' | 'abortion_regs_reg5';
  /** NHS guidance asks for heightened care. */
  readonly heightened?: boolean;
  /** A direct identifier. */
  readonly identifier?: boolean;
  /** May contain information about or from other people. */
  readonly thirdParty?: boolean;
  /** Free text by nature. */
  readonly freeText?: boolean;
  /** Means the whole record rather than named items. */
  readonly wholeRecord?: boolean;
  /**
   * May hold criminal offence data (UK GDPR Art 10). The Data Protection Act 2018 counts
   * allegations and proceedings as well as convictions (s11(2)), and sharing such data needs
   * a condition in its Schedule 1 (s10(5)) whoever the parties are; Sch 1 Part 3 para 36 lets a
   * Part 2 condition, such as para 18 (safeguarding of children and individuals at risk), serve.
   * Criminal offence data is not special category data, so rules about Art 9 do not read this.
   *
   * The decision: set on `criminal_offence_data`, and on `safeguarding` too, because
   * safeguarding records (child protection conference reports, MARAC and MAPPA minutes) routinely
   * record alleged abuse by named people. A safeguarding flow is therefore asked for a Schedule 1
   * condition, which one citing para 18 already has. Only a rule about criminal offence data
   * reads this flag. (DPA 2018 s10(5), s11(2) and Sch 1 para 36 were not re-read on
   * legislation.gov.uk for this note.)
   */
  readonly criminal?: boolean;
  /** HIV or sexually transmitted infection information, which NHS England's October 2023 guidance singles out for particular care. */
  readonly sexualHealth?: boolean;
  /** Genetic data (UK GDPR Art 4(13)); the ICO lists processing it, other than for direct care, as likely high risk. */
  readonly genetic?: boolean;
}

export const DATA_CATEGORIES: readonly DataCategory[] = [
  { value: 'nhs_number', label: 'NHS number', special: false, identifier: true },
  { value: 'name', label: 'Name and previous names', special: false, identifier: true },
  { value: 'date_of_birth', label: 'Date of birth', special: false, identifier: true },
  { value: 'address_postcode', label: 'Address and full postcode', special: false, identifier: true },
  { value: 'contact_details', label: 'Telephone and email', special: false, identifier: true },
  { value: 'demographics_admin', label: 'Sex, registration dates, practice code', special: false },
  { value: 'ethnicity', label: 'Ethnic origin', special: true },
  { value: 'religion', label: 'Religion or belief', special: true },
  { value: 'next_of_kin_carer', label: 'Next of kin, carers and contacts', special: false, thirdParty: true },
  { value: 'diagnoses_problems', label: 'Coded problems and diagnoses', special: true },
  { value: 'medications', label: 'Current and past prescriptions', special: true },
  { value: 'allergies', label: 'Allergies and adverse reactions', special: true },
  { value: 'test_results', label: 'Pathology and imaging results', special: true },
  { value: 'immunisations', label: 'Vaccinations', special: true },
  { value: 'procedures_referrals', label: 'Procedures, referrals and hospital letters', special: true, thirdParty: true },
  { value: 'recent_consultations', label: 'Recent consultation entries', special: true, thirdParty: true, freeText: true },
  { value: 'consultation_free_text', label: 'Free-text consultation notes', special: true, thirdParty: true, heightened: true, freeText: true },
  { value: 'correspondence_documents', label: 'Scanned letters and attachments', special: true, thirdParty: true, freeText: true },
  { value: 'mental_health', label: 'Mental health diagnoses and Mental Health Act status', special: true, heightened: true },
  { value: 'substance_misuse', label: 'Alcohol and drug use', special: true, heightened: true },
  { value: 'sexual_health_sti', label: 'Sexually transmitted infection diagnoses and tests', special: true, heightened: true, sexualHealth: true },
  { value: 'hiv_status', label: 'HIV diagnosis and treatment', special: true, heightened: true, sexualHealth: true },
  { value: 'contraception_pregnancy', label: 'Contraception, pregnancy and maternity', special: true },
  { value: 'termination_of_pregnancy', label: 'Termination of pregnancy', special: true, heightened: true, restricted: 'abortion_regs_reg5' },
  { value: 'fertility_treatment', label: 'HFEA-licensed fertility treatment and donor information', special: true, restricted: 'hfea_s33a' },
  { value: 'gender_identity', label: 'Current gender identity and gender-affirming care', special: true, heightened: true },
  { value: 'gender_history', label: 'Previous gender and gender recognition (protected information)', special: true, restricted: 'gra_s22' },
  { value: 'genetic', label: 'Genetic test results and family genetic history', special: true, heightened: true, genetic: true },
  { value: 'safeguarding', label: 'Safeguarding codes, alerts and conference reports', special: true, thirdParty: true, heightened: true, criminal: true },
  { value: 'criminal_offence_data', label: 'Criminal allegations, proceedings or convictions', special: false, criminal: true, heightened: true },
  { value: 'third_party_information', label: 'Information about or from other people', special: false, thirdParty: true },
  { value: 'social_circumstances', label: 'Housing, employment and social care circumstances', special: false },
  { value: 'disability_learning_disability', label: 'Disability and reasonable adjustments', special: true },
  { value: 'death_details', label: 'Date, place and cause of death', special: true },
  { value: 'opt_out_codes', label: 'Type 1 and national data opt-out status', special: false },
  { value: 'appointments_activity', label: 'Appointment history', special: false },
  { value: 'staff_data', label: 'Staff and employee information', special: false, source: 'https://www.legislation.gov.uk/ukpga/2018/12/schedule/1/paragraph/1' },
  {
    value: 'staff_monitoring', label: 'Monitoring of staff (who accessed which records, activity, location or performance)', special: false,
    description: 'Records that watch what named staff do: audit trails of their access, activity or performance logs, location. Monitoring staff is a sign of high-risk processing.',
    source: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/examples-of-processing-likely-to-result-in-high-risk/',
    unverified: true,
  },
  { value: 'online_identifiers', label: 'Online identifiers (IP addresses, device or cookie ids, app log-ins)', special: false, source: 'https://www.legislation.gov.uk/eur/2016/679/article/4' },
  {
    value: 'financial', label: 'Financial details (bank details, income, benefits, debts)', special: false,
    source: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/examples-of-processing-likely-to-result-in-high-risk/',
  },
  { value: 'full_record', label: 'The whole record ("all data")', special: true, thirdParty: true, heightened: true, freeText: true, wholeRecord: true },
];
export const DATA_CATEGORY = indexBy(DATA_CATEGORIES);

export const IDENTIFIABILITY: readonly Term[] = [
  { value: 'identifiable', label: 'Identifiable' },
  { value: 'pseudonymised', label: 'Pseudonymised (still personal data)' },
  { value: 'anonymised', label: 'Anonymised to the ICO standard' },
  { value: 'aggregate', label: 'Aggregate counts' },
];

export const DATA_PROTECTIONS: readonly Term[] = [
  { value: 'third_party_redaction', label: 'Third-party information is redacted before sharing' },
  { value: 'sensitive_code_filter', label: 'Sensitive codes (for example sexual health, gender history) are filtered out' },
  { value: 'clinician_review', label: 'A clinician reviews the extract before it is sent' },
  { value: 'free_text_excluded', label: 'Free text is excluded' },
];

// ---------------------------------------------------------------------------------------
// Population, flows and access

export const POPULATION_SCOPES: readonly Term[] = [
  { value: 'per_case', label: 'One identified person per request' },
  { value: 'defined_cohort', label: 'A cohort defined by inclusion criteria' },
  { value: 'all_registered', label: 'Every registered patient' },
];

export const VITAL_STATUSES: readonly Term[] = [
  { value: 'living', label: 'Living patients' },
  { value: 'deceased', label: 'Deceased patients' },
  { value: 'both', label: 'Living and deceased patients' },
];

export const OPT_OUT_HANDLING: readonly Term[] = [
  { value: 'applied', label: 'Applied: objecting patients are removed before sharing' },
  { value: 'not_applied', label: 'Not applied' },
  { value: 'not_applicable', label: 'Does not apply to this sharing' },
  { value: 'cag_exempt', label: 'Exempted by the Confidentiality Advisory Group' },
];

export const VULNERABLE_GROUPS: readonly Term[] = [
  { value: 'children', label: 'Children' },
  { value: 'adults_at_risk', label: 'Adults at risk' },
  { value: 'people_lacking_capacity', label: 'People lacking mental capacity' },
  { value: 'people_in_detention', label: 'People in detention' },
];

export const ACCESS_MODES: readonly Term[] = [
  { value: 'extract', label: 'A one-off file extract' },
  { value: 'feed', label: 'A scheduled or automated feed' },
  { value: 'per_request', label: 'A disclosure per reviewed request' },
  { value: 'live_system_access', label: 'Interactive access to the source system (Smartcard, GP Connect, shared record portal)' },
  {
    value: 'secure_data_environment',
    label: 'Analysis inside a trusted research environment or secure data environment (no extraction)',
    description: 'The recipient works on the data inside the environment and takes out only results checked for disclosure.',
    source: 'https://www.gov.uk/government/publications/secure-data-environment-for-nhs-health-and-social-care-data-policy-guidelines',
  },
];

export const ACCESS_DURATIONS: readonly Term[] = [
  { value: 'one_off', label: 'One-off' },
  { value: 'time_limited', label: 'Time-limited' },
  { value: 'standing', label: 'Standing (no end)' },
];

export const ACCESS_TRIGGERS: readonly Term[] = [
  { value: 'per_case', label: 'Per case' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'on_demand', label: 'On demand' },
];

export const TRANSFER_METHODS: readonly Term[] = [
  { value: 'nhsmail', label: 'NHSmail (secure email)' },
  { value: 'secure_file_transfer', label: 'Secure file transfer (for example MESH, SFTP)' },
  { value: 'api', label: 'Authenticated API (for example GP Connect)' },
  { value: 'shared_care_record', label: 'Shared care record portal' },
  { value: 'clinical_system', label: 'Within the clinical system' },
  { value: 'unencrypted_email', label: 'Unencrypted email' },
  { value: 'fax', label: 'Fax' },
  { value: 'post_unsecured', label: 'Post without tracking' },
  { value: 'removable_media_unencrypted', label: 'Unencrypted removable media' },
];

/** Transfer methods that are weak by nature, whatever the `encrypted` flag says. */
export const WEAK_TRANSFER_METHODS: ReadonlySet<string> = new Set(['unencrypted_email', 'fax', 'post_unsecured', 'removable_media_unencrypted']);

export const TRANSFER_MECHANISMS: readonly Term[] = [
  { value: 'uk_adequacy_regulations', label: 'UK adequacy regulations' },
  { value: 'idta', label: 'International data transfer agreement' },
  { value: 'uk_addendum_eu_sccs', label: 'UK addendum to the EU standard contractual clauses' },
  { value: 'binding_corporate_rules', label: 'Binding corporate rules' },
  { value: 'exception', label: 'An Art 49 exception (name it in `exception`)' },
];

// ---------------------------------------------------------------------------------------
// Retention, security, processors

/** What the schema and docs say of a record type whose Records Management Code period dsalint does not hold. */
const NO_CODE_PERIOD = 'dsalint compares no Records Management Code period for this record type: its period could not be verified in the published Code.';

export interface RecordType extends Term {
  /** Minimum period in the Records Management Code (ISO 8601), where it is a fixed period. */
  readonly codePeriod?: string;
  readonly start?: string;
  /** No period for this type could be verified in the published Code (its row, if it has one, could not be read), so none is compared. */
  readonly codePeriodUnverified?: boolean;
}

export const RECORD_TYPES: readonly RecordType[] = [
  { value: 'gp_patient_record', label: 'GP patient record (living, registered)', description: 'Kept for the life of the registration.' },
  { value: 'gp_patient_record_deceased', label: 'GP record of a deceased patient', codePeriod: 'P10Y', start: 'death' },
  { value: 'adult_health_record', label: 'Adult health record', codePeriod: 'P8Y', start: 'support ended or person last seen' },
  { value: 'adult_social_care_record', label: 'Adult social care record', codePeriod: 'P8Y', start: 'support ended or person last seen' },
  { value: 'childrens_record', label: 'Children\'s record', description: 'Until the 25th birthday (26th if 17 at the end of treatment).' },
  // The 20 years after the end of treatment that secondary sources give could not be read in the Code itself, so no period is compared.
  { value: 'mental_health_record', label: 'Mental health record', description: NO_CODE_PERIOD, codePeriodUnverified: true },
  { value: 'maternity_record', label: 'Maternity record', codePeriod: 'P25Y', start: 'care ceased' },
  { value: 'safeguarding_record', label: 'Safeguarding record', description: NO_CODE_PERIOD, codePeriodUnverified: true },
  { value: 'medical_examiner_case_file', label: 'Medical examiner case file', description: NO_CODE_PERIOD, codePeriodUnverified: true },
  { value: 'research_dataset', label: 'Research dataset', description: NO_CODE_PERIOD, codePeriodUnverified: true },
  {
    value: 'audit_log', label: 'Audit log of access to records (audit trail)',
    description: `Who looked at or changed which records, and when. ${NO_CODE_PERIOD}`,
    codePeriodUnverified: true,
  },
  { value: 'derived_analytics', label: 'Derived or analytical dataset' },
];
export const RECORD_TYPE = indexBy(RECORD_TYPES);

export const RETENTION_START_EVENTS: readonly Term[] = [
  { value: 'receipt', label: 'When the data is received' },
  { value: 'case_closed', label: 'When the case is closed' },
  { value: 'death', label: 'The patient\'s death' },
  { value: 'last_contact', label: 'Support ended or person last seen' },
  { value: 'study_end', label: 'The end of the study' },
  { value: 'agreement_end', label: 'The end of the agreement' },
  { value: 'creation', label: 'When the record is created' },
  { value: 'end_of_treatment', label: 'The end of treatment', source: 'https://transform.england.nhs.uk/information-governance/guidance/records-management-code/' },
  {
    value: 'date_of_birth', label: 'The person\'s date of birth', description: 'The period is then an age: P25Y means until the 25th birthday (children\'s records).',
    source: 'https://transform.england.nhs.uk/information-governance/guidance/records-management-code/',
  },
  { value: 'incident_date', label: 'The date of the incident' },
  { value: 'contract_end', label: 'The end of the contract' },
  { value: 'next_extract', label: 'When the next extract replaces it', description: 'Each extract is kept only until the next one arrives.' },
];

export const DISPOSAL_METHODS: readonly Term[] = [
  { value: 'secure_destruction', label: 'Secure destruction' },
  { value: 'return_to_controller', label: 'Return to the controller' },
  { value: 'anonymise', label: 'Anonymise' },
  { value: 'transfer_to_place_of_deposit', label: 'Transfer to a place of deposit' },
];

export const SECURITY_MEASURES: readonly Term[] = [
  { value: 'role_based_access', label: 'Role-based access control' },
  { value: 'mfa', label: 'Multi-factor authentication' },
  { value: 'audit_logging', label: 'Audit logging of access' },
  { value: 'legitimate_relationship', label: 'Legitimate-relationship checks' },
  { value: 'encryption_in_transit', label: 'Encryption in transit' },
  { value: 'encryption_at_rest', label: 'Encryption at rest' },
  { value: 'staff_training', label: 'Data security training for staff' },
  { value: 'pseudonymisation', label: 'Pseudonymisation' },
  { value: 'access_review', label: 'Regular review of who has access' },
  { value: 'third_party_redaction', label: 'Redaction of third-party information' },
  { value: 'penetration_testing', label: 'Penetration testing' },
];

export const ART28_TERMS: readonly Term[] = [
  { value: 'documented_instructions', label: 'Processes only on documented instructions' },
  { value: 'confidentiality', label: 'Staff are bound by confidentiality' },
  { value: 'security', label: 'Art 32 security measures' },
  { value: 'sub_processor_conditions', label: 'Conditions for engaging sub-processors' },
  { value: 'data_subject_rights_assistance', label: 'Assists with data subjects\' rights' },
  { value: 'assist_controller_arts32_36', label: 'Assists the controller with Arts 32 to 36' },
  { value: 'end_of_contract_delete_or_return', label: 'Deletes or returns data at the end of the contract' },
  { value: 'audits_information', label: 'Provides information and allows audits' },
];

export interface JointControllerResponsibilityTerm extends Term {
  /** UK GDPR Art 26(1) names this responsibility: every joint controller arrangement must allocate it. */
  readonly art26?: boolean;
}

export const JOINT_CONTROLLER_RESPONSIBILITIES: readonly JointControllerResponsibilityTerm[] = [
  { value: 'rights_requests', label: 'Handling data subjects\' rights requests', art26: true },
  { value: 'privacy_information', label: 'Giving privacy information (Arts 13 and 14)', art26: true },
  { value: 'breach_notification', label: 'Notifying breaches' },
  { value: 'security', label: 'Security' },
  { value: 'dpia', label: 'Data protection impact assessment' },
];

export const DPIA_HIGH_RISK_INDICATORS: readonly Term[] = [
  { value: 'innovative_technology', label: 'Innovative technology' },
  { value: 'denial_of_service', label: 'Decisions that deny a service' },
  { value: 'large_scale_profiling', label: 'Large-scale profiling' },
  { value: 'biometric', label: 'Biometric data' },
  { value: 'genetic', label: 'Genetic data' },
  { value: 'data_matching', label: 'Data matching or linkage' },
  { value: 'invisible_processing', label: 'Invisible processing' },
  { value: 'tracking', label: 'Tracking', unverified: true },
  { value: 'targeting_children_or_vulnerable', label: 'Targeting children or vulnerable people' },
  { value: 'risk_of_physical_harm', label: 'Risk of physical harm', unverified: true },
  { value: 'large_scale_special_category', label: 'Large-scale special category data' },
];

/** Every vocabulary by the name the schema's `$defs` use for it. */
export const VOCABULARIES = {
  agreementKind: AGREEMENT_KINDS,
  agreementAcceptance: AGREEMENT_ACCEPTANCE,
  renewal: RENEWAL_TERMS,
  inheritableSection: INHERITABLE_SECTIONS,
  agreementStatus: AGREEMENT_STATUSES,
  legalFramework: LEGAL_FRAMEWORKS,
  partyRole: PARTY_ROLES,
  orgType: ORG_TYPES,
  dsptStatus: DSPT_STATUSES,
  signoffRole: SIGNOFF_ROLES,
  purposeCategory: PURPOSE_CATEGORIES,
  article6: ARTICLE_6_BASES,
  article9: ARTICLE_9_CONDITIONS,
  dpaSchedule1: DPA_SCHEDULE_1_CONDITIONS,
  commonLaw: COMMON_LAW_BASES,
  annex2Condition: ANNEX_2_CONDITIONS,
  compatibilityFactor: COMPATIBILITY_FACTORS,
  dataCategory: DATA_CATEGORIES,
  identifiability: IDENTIFIABILITY,
  dataProtection: DATA_PROTECTIONS,
  populationScope: POPULATION_SCOPES,
  vitalStatus: VITAL_STATUSES,
  optOutHandling: OPT_OUT_HANDLING,
  vulnerableGroup: VULNERABLE_GROUPS,
  accessMode: ACCESS_MODES,
  accessDuration: ACCESS_DURATIONS,
  accessTrigger: ACCESS_TRIGGERS,
  transferMethod: TRANSFER_METHODS,
  transferMechanism: TRANSFER_MECHANISMS,
  recordType: RECORD_TYPES,
  retentionStart: RETENTION_START_EVENTS,
  disposalMethod: DISPOSAL_METHODS,
  securityMeasure: SECURITY_MEASURES,
  art28Term: ART28_TERMS,
  jointControllerResponsibility: JOINT_CONTROLLER_RESPONSIBILITIES,
  dpiaHighRiskIndicator: DPIA_HIGH_RISK_INDICATORS,
} as const satisfies Record<string, readonly Term[]>;

export type VocabularyName = keyof typeof VOCABULARIES;

export function vocabularyValues(name: VocabularyName): string[] {
  return values(VOCABULARIES[name]);
}

/** The human label for a vocabulary value, or the value itself when unknown. */
export function labelOf(name: VocabularyName, value: string | undefined): string {
  if (value === undefined) return '';
  const term = (VOCABULARIES[name] as readonly Term[]).find((t) => t.value === value);
  return term ? term.label : value;
}
