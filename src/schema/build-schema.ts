/**
 * Builds the agreement JSON Schema (2020-12) from the vocabulary.
 *
 * `npm run generate` writes the result to schema/agreement.schema.json; a test fails when
 * the committed file differs. Every property has a description because editors show it.
 * `x-hint` is our own annotation: the plain-English form of a pattern or format, used in
 * error messages ("must be an ISO 8601 duration such as P8Y").
 */
import { schemaUrl } from '../core/schema-url.js';
import { RECORD_TYPES, VOCABULARIES, type Term, type VocabularyName } from '../vocabulary.js';

export const SCHEMA_ID = schemaUrl('agreement.schema.json');
export const FORMAT_VERSION = 1;

type Schema = Record<string, unknown>;

const DURATION_BODY = 'P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?';
const DURATION_PATTERN = `^${DURATION_BODY}$`;
/** A duration, or one literal word (such as "all" or "indefinite") that a rule then judges. */
function durationOr(word: string): string {
  return `^(?:${DURATION_BODY}|${word})$`;
}
const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';

function text(description: string, extra: Schema = {}): Schema {
  return { type: 'string', minLength: 1, description, ...extra };
}
function bool(description: string): Schema {
  return { type: 'boolean', description };
}
function date(description: string): Schema {
  return { type: 'string', format: 'date', description, 'x-hint': 'a date written YYYY-MM-DD, such as 2026-04-01' };
}
// A real calendar day (leap years included) or a month: a pattern, because the standalone
// validator cannot carry a custom format function.
const LEAP_YEAR = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
const MONTH_OR_DATE_PATTERN =
  '^(?:\\d{4}-(?:0[1-9]|1[0-2])' +
  '|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  `|${LEAP_YEAR}-02-29)$`;
/** A date, or only a month (YYYY-MM) where that is all an old document gives. */
function dateOrMonth(description: string): Schema {
  return {
    type: 'string',
    pattern: MONTH_OR_DATE_PATTERN,
    description,
    'x-hint': 'a date written YYYY-MM-DD, such as 2026-04-01, or a month such as 2016-04',
  };
}
function duration(description: string, example = 'P8Y'): Schema {
  return { type: 'string', pattern: DURATION_PATTERN, description, 'x-hint': `an ISO 8601 duration such as ${example}` };
}
function id(description: string): Schema {
  return { type: 'string', pattern: ID_PATTERN, description, 'x-hint': 'an id of letters, digits, dots, dashes and underscores, such as me-scrutiny' };
}
function ref(description: string): Schema {
  return { type: 'string', minLength: 1, description };
}
function refs(description: string): Schema {
  return { type: 'array', items: { type: 'string', minLength: 1 }, description };
}
function vocab(name: VocabularyName, description: string): Schema {
  return { $ref: `#/$defs/${name}`, description };
}
function vocabList(name: VocabularyName, description: string): Schema {
  return { type: 'array', items: { $ref: `#/$defs/${name}` }, uniqueItems: true, description };
}
function object(title: string, description: string, properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', title, description, properties, ...(required.length ? { required } : {}), additionalProperties: false };
}
function list(description: string, items: Schema): Schema {
  return { type: 'array', description, items };
}

function vocabularyDef(name: VocabularyName): Schema {
  const terms = VOCABULARIES[name] as readonly Term[];
  return {
    title: name.charAt(0).toUpperCase() + name.slice(1),
    type: 'string',
    enum: terms.map((t) => t.value),
    // VS Code and the YAML language server show these next to each value.
    enumDescriptions: terms.map((t) => (t.description ? `${t.label}. ${t.description}` : t.label)),
  };
}

export function buildAgreementSchema(): Schema {
  const odsCode = text('The organisation\'s ODS code.', { pattern: '^[A-Z0-9]{3,10}$', 'x-hint': 'an ODS code of 3 to 10 capital letters and digits, such as A12345' });
  const legalIdentity = {
    legal_name: text('The organisation\'s registered legal name, when the name above is a trading or everyday name.'),
    company_number: text('Its Companies House number.', { pattern: '^[A-Z0-9]{8}$', 'x-hint': 'a Companies House number of 8 characters, such as 01234567 or SC123456' }),
    charity_number: text('Its charity registration number, such as 1012345 or SC012345.'),
    ico_registration: text('Its registration number with the Information Commissioner, such as ZA123456.'),
  };
  const member = object('GroupMember', 'One member of a group of parties.', {
    name: text('The member organisation\'s name.'),
    ods_code: odsCode,
    ...legalIdentity,
  }, ['name']);
  const group = object('PartyGroup', 'Marks this party as a group of organisations that take part alike, such as "every member practice of Riverside PCN" or "any signatory to the protocol". Give the members, their number, or say it is every signatory.', {
    description: text('Who belongs to the group, in words.'),
    members: list('The member organisations, when they are listed.', member),
    count: { type: 'integer', minimum: 0, description: 'How many organisations belong to the group, when they are not all listed.' },
    any_signatory: bool('Whether the group is every organisation that has signed the overarching protocol (in a protocol: every signatory of it).'),
  });
  const party = object('Party', 'An organisation that is party to the agreement, or a group of organisations that take part alike.', {
    id: id('Short id that the rest of the agreement uses to name this party.'),
    name: text('The organisation\'s full legal name.'),
    ods_code: odsCode,
    ...legalIdentity,
    group,
    placeholder: bool('Whether the party is a blank to be filled in (in a template), such as "[Practice name]".'),
    org_type: vocab('orgType', 'What kind of organisation this is; several rules depend on it.'),
    role: vocab('partyRole', 'Its data protection role under this agreement.'),
    public_authority: bool('Whether it is a public authority (GP practices providing NHS services are). Public authorities cannot rely on legitimate interests for their tasks.'),
    country: text('Where it processes the data, as an ISO 3166 two-letter code. Defaults to GB.', { pattern: '^[A-Z]{2}$', 'x-hint': 'a two-letter country code such as GB' }),
    dspt: object('Dspt', 'Its latest Data Security and Protection Toolkit publication.', {
      status: vocab('dsptStatus', 'The published DSPT status.'),
      year: text('The assessment year, such as 2025-26.', { pattern: '^\\d{4}-\\d{2}$', 'x-hint': 'an assessment year such as 2025-26' }),
      improvement_plan: text('Reference to the published improvement plan (needed for Approaching Standards).'),
    }),
    duty_of_confidentiality: bool('Whether everyone at this party who sees the data is a health or social work professional or owes an equivalent duty of confidentiality (UK GDPR Art 9(3), DPA 2018 s11(1)).'),
    appropriate_policy_document: text('Reference to its appropriate policy document (DPA 2018 Sch 1 Part 4), needed for some Schedule 1 conditions.'),
  }, ['id', 'name']);

  const s251 = object('S251Support', 'Section 251 support from the Confidentiality Advisory Group.', {
    reference: text('The CAG reference, such as 21/CAG/0032.'),
    expires: date('When the approval ends.'),
    ndoo_exempt: bool('Whether CAG exempted this use from the national data opt-out standard condition.'),
  });

  const lawfulBasis = object('LawfulBasis', 'The legal bases the purpose rests on: UK GDPR, DPA 2018 and the common-law duty of confidentiality.', {
    article_6: vocab('article6', 'The UK GDPR Article 6(1) lawful basis.'),
    article_9: vocab('article9', 'The UK GDPR Article 9(2) condition for special category data.'),
    dpa_schedule_1: vocab('dpaSchedule1', 'The DPA 2018 Schedule 1 condition that completes the Article 9 condition.'),
    article_10: text('The basis for criminal offence data (UK GDPR Art 10 and DPA 2018 s10(5)), where any is shared.'),
    common_law: vocab('commonLaw', 'The basis that sets aside the common-law duty of confidentiality.'),
    legislation: list('Statutes and provisions relied on, in words, such as "Coroners and Justice Act 2009 s19".', { type: 'string', minLength: 1 }),
    s251: s251,
    copi_notice: object('CopiNotice', 'A notice under regulation 3(4) of the Health Service (Control of Patient Information) Regulations 2002, which requires or allows sharing for a limited time (for example during the COVID-19 pandemic).', {
      reference: text('The notice, such as "COPI notice to NHS England, 2020".'),
      issued: date('When the notice was issued.'),
      expires: date('When the notice ends; sharing that relies on it must stop then.'),
    }),
    statutory_gateways: list('Acts of Parliament or regulations that allow or require this sharing, each with the date it came into force.', object('StatutoryGateway', 'One statutory power or duty to share.', {
      provision: text('The provision, such as "Health and Care Act 2022 s96" or "Care Act 2014 s45".'),
      in_force_from: date('When the provision came into force (commenced).'),
      url: text('Where it can be read, on legislation.gov.uk.', { format: 'uri', 'x-hint': 'a full web address starting https://' }),
    }, ['provision'])),
    explanation: text('Why these bases apply, in plain English.'),
  });

  const compatibility = object('CompatibilityAssessment', 'Assessment that a new purpose is compatible with the original one (UK GDPR Art 8A; Art 6(4) before 5 February 2026).', {
    reference: text('Where the assessment is recorded.'),
    date: date('When it was made.'),
    factors: vocabList('compatibilityFactor', 'The compatibility factors the assessment considered.'),
  });

  const purposeRole = object('PurposeRole', 'The data protection role one party has for this purpose.', {
    party: ref('The party (by id).'),
    role: vocab('partyRole', 'Its role for this purpose.'),
  }, ['party', 'role']);

  const purpose = object('Purpose', 'One purpose the data is shared for.', {
    id: id('Short id that data items and flows use to name this purpose.'),
    category: vocab('purposeCategory', 'The kind of purpose; decides whether it is direct care or a secondary use, and whether opt-outs apply.'),
    description: text('What the purpose is, specifically enough that a patient would recognise it.'),
    lawful_basis: lawfulBasis,
    owner: ref('The party that decides this purpose (a controller).'),
    added_in_version: text('The agreement version that added this purpose, when it was not in the first version.'),
    compatibility_assessment: compatibility,
    annex2_condition: vocab('annex2Condition', 'The UK GDPR Annex 2 condition that treats the new purpose as compatible (from 5 February 2026).'),
    population: { $ref: '#/$defs/Population', description: 'Whose records are shared for this purpose, when it differs from the agreement\'s population. It replaces the agreement-wide `population` for this purpose.' },
    roles: list('Each party\'s role for this purpose, where it differs from the role given under `parties` (a party can be a controller for one purpose and a processor for another).', purposeRole),
  }, ['id']);

  const populationSchema = object('Population', 'Whose records are shared.', {
    description: text('The patients covered, in words.'),
    scope: vocab('populationScope', 'How the patients are chosen.'),
    inclusion_criteria: list('The criteria that define the cohort (for a defined cohort).', { type: 'string', minLength: 1 }),
    vital_status: vocab('vitalStatus', 'Whether the records are of living or deceased patients.'),
    age_range: object('AgeRange', 'The ages covered.', {
      min: { type: 'integer', minimum: 0, maximum: 130, description: 'Youngest age included.' },
      max: { type: 'integer', minimum: 0, maximum: 130, description: 'Oldest age included.' },
    }),
    vulnerable_groups: vocabList('vulnerableGroup', 'Vulnerable groups among the patients covered.'),
    cohort_size: { type: 'integer', minimum: 0, description: 'About how many patients are covered, such as 250000; used to judge whether processing is large scale.' },
    history_window: text('How far back the records go, as an ISO 8601 duration such as P2Y, or "all".', { pattern: durationOr('all'), 'x-hint': 'an ISO 8601 duration such as P2Y, or all' }),
    national_data_opt_out: vocab('optOutHandling', 'How national data opt-outs are handled.'),
    type1_objections: vocab('optOutHandling', 'How GP Type 1 objections are handled.'),
  });
  const population: Schema = { $ref: '#/$defs/Population', description: 'Whose records are shared.' };

  const dataItem = object('DataItem', 'A set of data items shared together.', {
    id: id('Short id that flows and retention entries use to name this data.'),
    description: text('What the data is, in words.'),
    categories: { ...vocabList('dataCategory', 'The categories of data included.'), minItems: 1 },
    identifiability: vocab('identifiability', 'How identifiable the data is when shared.'),
    free_text: bool('Whether free text (consultation notes, letters) is included.'),
    protections: vocabList('dataProtection', 'Protections applied before the data is shared.'),
    history_window: text('How far back this data goes, as an ISO 8601 duration such as P2Y, or "all".', { pattern: durationOr('all'), 'x-hint': 'an ISO 8601 duration such as P2Y, or all' }),
    justification: text('Why each item is needed for the purposes named.'),
    purposes: refs('The purposes (by id) this data is needed for.'),
    record_type: vocab('recordType', 'The kind of record, for retention periods.'),
    dataset: text('The named dataset this data comes from, such as Hospital Episode Statistics Admitted Patient Care.'),
  }, ['id']);

  const access = object('Access', 'How the recipient gets the data.', {
    mode: vocab('accessMode', 'The access mode.'),
    trigger: vocab('accessTrigger', 'What starts each disclosure.'),
    duration: vocab('accessDuration', 'How long access lasts.'),
    window: duration('How long each access lasts, such as P28D.', 'P28D'),
    start: date('When access starts.'),
    end: date('When access ends.'),
    read_only: bool('Whether access is read-only.'),
    role_based_access: bool('Whether access is limited by role (Smartcard role-based access).'),
    audit_logging: bool('Whether every access is logged and audited.'),
    legitimate_relationship: bool('Whether access needs a legitimate relationship with the patient.'),
    system: text('The system accessed, such as GP Connect or the shared care record.'),
  });

  const transfer = object('Transfer', 'How the data travels.', {
    method: vocab('transferMethod', 'The transfer method.'),
    encrypted: bool('Whether the data is encrypted in transit.'),
  });

  const flow = object('Flow', 'One movement of data from one party to another.', {
    id: id('Short id for this flow.'),
    from: ref('The disclosing party (by id).'),
    to: ref('The receiving party (by id).'),
    data: refs('The data (by id) that flows.'),
    purposes: refs('The purposes (by id) it flows for.'),
    access: access,
    transfer: transfer,
    destination_country: text('Where the data goes, as an ISO 3166 two-letter code, when outside the UK.', { pattern: '^[A-Z]{2}$', 'x-hint': 'a two-letter country code such as GB' }),
  }, ['id']);

  const retention = object('RetentionEntry', 'How long one party keeps some data.', {
    party: ref('The party (by id) that keeps the data.'),
    data: refs('The data (by id) this applies to.'),
    period: { type: 'string', pattern: durationOr('indefinite'), description: 'How long the data is kept, as an ISO 8601 duration such as P8Y.', 'x-hint': 'an ISO 8601 duration such as P8Y' },
    starts: vocab('retentionStart', 'The event the period runs from.'),
    record_type: vocab(
      'recordType',
      'The kind of record, to compare with the Records Management Code where dsalint holds a period verified in the Code (none is compared for ' +
        `${RECORD_TYPES.filter((t) => t.codePeriodUnverified).map((t) => t.value).join(', ')}).`,
    ),
    justification: text('Why this period is needed.'),
    disposal: vocab('disposalMethod', 'What happens to the data at the end of the period.'),
  });

  const security = object('Security', 'Security measures the parties commit to.', {
    measures: vocabList('securityMeasure', 'The measures in place.'),
    notes: text('Anything else about security, in words.'),
  });

  const breach = object('Breach', 'How personal data breaches are handled between the parties.', {
    notify_parties_within: duration('How soon a party tells the others after becoming aware of a breach, such as PT24H.', 'PT24H'),
    ico_notification_owner: ref('The party (by id) that decides on and makes any report to the ICO.'),
    data_subject_comms_owner: ref('The party (by id) that tells affected patients.'),
    contact: text('Who to contact about a breach.'),
  });

  const dpia = object('Dpia', 'The data protection impact assessment.', {
    reference: text('Where the DPIA is recorded.'),
    completed: date('When it was completed.'),
    version_covered: text('The agreement version it assessed.'),
    residual_high_risk: bool('Whether high risk remains after mitigation.'),
    ico_prior_consultation: text('Reference to the ICO prior consultation (needed when high risk remains).'),
    high_risk_indicators: vocabList('dpiaHighRiskIndicator', 'High-risk indicators the DPIA identified.'),
    mitigations: list('The measures the DPIA relies on to reduce the risks it found, and whether each is in place.', object('DpiaMitigation', 'One mitigation the DPIA relies on.', {
      measure: text('The mitigation, in words, such as "opt-in for online record access where a risk of harm is flagged".'),
      in_place: bool('Whether the mitigation is in place now.'),
      reference: text('Where the DPIA records it.'),
    }, ['measure'])),
  });

  const transparency = object('Transparency', 'How patients are told, and how they exercise their rights.', {
    privacy_notices: list('Privacy notices that describe this sharing.', object('PrivacyNotice', 'A privacy notice. Name the party that publishes it, or the publisher when that is not a party (such as NHS England for a national notice).', {
      party: ref('The party (by id) that publishes it.'),
      publisher: text('Who publishes it, when that is not a party to the agreement, such as NHS England.'),
      url: text('Where it is published.', { format: 'uri', 'x-hint': 'a full web address starting https://' }),
      annex: text('The annex of this agreement that holds the notice, when it is part of the agreement, such as "Annex C".'),
    })),
    rights_contact: text('Where patients send access, rectification and objection requests.'),
    rights_handled_by: ref('The party (by id) that handles rights requests.'),
    objection_process: text('How a patient\'s objection is recorded and respected.'),
  });

  const processor = object('ProcessorArrangement', 'A processor and its contract.', {
    party: ref('The processor party (by id).'),
    acting_for: refs('The controllers (by id) it processes for.'),
    contract: object('ProcessorContract', 'The Art 28 contract.', {
      reference: text('Where the contract is recorded.'),
      terms: vocabList('art28Term', 'The UK GDPR Art 28(3) terms the contract contains.'),
    }),
    sub_processors: list('Sub-processors it engages.', object('SubProcessor', 'A sub-processor.', {
      name: text('The sub-processor\'s name.'),
      country: text('Where it processes the data, as a two-letter code.', { pattern: '^[A-Z]{2}$', 'x-hint': 'a two-letter country code such as GB' }),
      authorised: bool('Whether the controller gave prior written authorisation.'),
    }, ['name'])),
  }, ['party']);

  const jointControllers = object('JointControllerArrangement', 'The UK GDPR Art 26 arrangement between joint controllers.', {
    reference: text('Where the arrangement is recorded.'),
    responsibilities: vocabList('jointControllerResponsibility', 'The responsibilities it allocates.'),
    contact_point: text('The contact point for data subjects.'),
    essence_published: bool('Whether the essence of the arrangement is available to patients.'),
  });

  const internationalTransfer = object('InternationalTransfer', 'A restricted transfer outside the UK.', {
    to: ref('The party (by id) that receives the data.'),
    country: text('The destination, as a two-letter code.', { pattern: '^[A-Z]{2}$', 'x-hint': 'a two-letter country code such as US' }),
    mechanism: vocab('transferMechanism', 'The UK GDPR Chapter V transfer mechanism.'),
    exception: text('The Art 49 exception relied on, when the mechanism is an exception.'),
    reference: text('Where the transfer risk assessment or contract is recorded.'),
  });

  const approval = object('Approval', 'A sign-off by an accountable officer.', {
    party: ref('The party (by id) the signatory acts for.'),
    role: vocab('signoffRole', 'The signatory\'s role.'),
    name: text('The signatory\'s name.'),
    date: date('When they signed.'),
    version: text('The agreement version they approved.'),
    digest: text('The content digest of what they approved, as `dsalint digest` prints it (64 hexadecimal characters). An approval with a digest covers exactly that content, whatever the version says.'),
  }, ['party', 'role']);

  const historyEntry = object('HistoryEntry', 'An earlier version of the agreement.', {
    version: text('The version.'),
    date: date('When this version was issued for approval (before anyone signed it off).'),
    summary: text('What changed.'),
    material: bool('false when this version only corrects wording or narrows the sharing, so approvals of the version before it still cover it. `dsalint lint --base` checks the claim against the earlier version.'),
    changes: object('Changes', 'What the version changed, so that rules can tell whether fresh sign-off is needed.', {
      added_purposes: refs('Purposes (by id) added.'),
      added_data: refs('Data (by id) added.'),
      added_parties: refs('Parties (by id) added.'),
      widened_population: bool('Whether the population was widened.'),
      changed_access: bool('Whether the access mode changed.'),
    }),
  });

  const framework = object('Framework', 'The overarching protocol (or framework agreement) this agreement sits under.', {
    id: text('The protocol\'s reference, as in its own `id`.'),
    title: text('The protocol\'s title.'),
    version: text('The version of the protocol this agreement follows.'),
    path: text('Where the protocol\'s dsalint file is, relative to this file, such as ../protocol/isp.dsa.yaml. When it is among the files being checked, this agreement is checked together with it.'),
    inherits: vocabList('inheritableSection', 'Sections this agreement takes from the protocol instead of writing them out (such as "security and retention as in the overarching protocol").'),
  }, ['id']);

  const onwardSharing = object('OnwardSharing', 'Whether recipients may pass the data on to others.', {
    allowed: bool('Whether recipients may share the data onward at all.'),
    sublicensing: bool('Whether recipients may sublicense the data (let others use it under their own terms).'),
    to: list('Who it may be passed to, in words.', { type: 'string', minLength: 1 }),
    conditions: text('The conditions on onward sharing, in words.'),
  });

  const commercialUse = object('CommercialUse', 'Whether the data may be used for commercial purposes.', {
    allowed: bool('Whether any commercial use is allowed.'),
    consent: text('The consent or permission under which commercial use happens, when it is allowed.'),
    description: text('What commercial use is allowed, in words.'),
  });

  const defs: Record<string, Schema> = {};
  for (const name of Object.keys(VOCABULARIES) as VocabularyName[]) defs[name] = vocabularyDef(name);
  defs['Population'] = populationSchema;

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'Agreement',
    description: 'A data sharing agreement for UK health and care, in the dsalint format.',
    type: 'object',
    properties: {
      dsalint: { const: FORMAT_VERSION, description: 'The version of the dsalint agreement format. Always 1 for now.' },
      id: text('The agreement\'s reference, such as NEL-ME-2026-014.'),
      title: text('A title a patient would understand.'),
      kind: vocab('agreementKind', 'What sort of document this is. When absent, a data sharing agreement.'),
      framework: framework,
      version: text('The agreement\'s version, such as 1.2.0.', { pattern: '^\\d+\\.\\d+(\\.\\d+)?$', 'x-hint': 'a version number such as 1.2.0, in quotes if it has one dot' }),
      status: vocab('agreementStatus', 'Where the agreement is in its life.'),
      legal_framework: vocab('legalFramework', 'The law the agreement was assessed against. When absent, rules use the effective date.'),
      binding: bool('Whether the document binds the parties. A policy that says it is "non-contractual and may be changed at any time" is not a binding agreement.'),
      acceptance: vocab('agreementAcceptance', 'How the parties accept the agreement. When absent, each party signs it.'),
      supersedes: list('Earlier agreements (by reference) that this one replaces.', { type: 'string', minLength: 1 }),
      superseded_by: text('The agreement (by reference) that has replaced this one.'),
      jurisdiction: { type: 'string', enum: ['england', 'wales', 'scotland', 'northern_ireland'], description: 'The UK nation whose health and care rules apply. Defaults to england.' },
      dates: object('Dates', 'Key dates. Dates may be written to the month only (YYYY-MM) when that is all the document gives.', {
        effective_from: dateOrMonth('When the agreement takes effect.'),
        expires: dateOrMonth('When the agreement ends. A month means the end of that month.'),
        review_by: dateOrMonth('When the agreement must next be reviewed. A month means the end of that month.'),
        last_reviewed: dateOrMonth('When the agreement was last reviewed.'),
        initial_term: duration('How long the agreement lasts from when it takes effect, when it gives a length rather than an end date, such as P12M.', 'P12M'),
        renewal: vocab('renewal', 'What happens at the end of the term.'),
        renewal_term: duration('How long each renewal lasts, such as P1Y.', 'P1Y'),
      }),
      termination: object('Termination', 'What happens when the agreement ends early.', {
        notice_period: duration('How much notice a party must give, such as P3M.', 'P3M'),
        data_on_termination: vocab('disposalMethod', 'What happens to shared data when the agreement ends.'),
      }),
      parties: list('The organisations that are party to the agreement.', party),
      purposes: list('Why the data is shared.', purpose),
      population: population,
      data: list('What data is shared.', dataItem),
      flows: list('Who sends what to whom, how.', flow),
      onward_sharing: onwardSharing,
      commercial_use: commercialUse,
      retention: list('How long each party keeps the data.', retention),
      security: security,
      breach: breach,
      dpia: dpia,
      transparency: transparency,
      processors: list('Processors and their contracts.', processor),
      joint_controller_arrangement: jointControllers,
      international_transfers: list('Restricted transfers outside the UK.', internationalTransfer),
      approvals: list('Sign-offs by accountable officers.', approval),
      history: list('Earlier versions of the agreement.', historyEntry),
      imported: object(
        'Imported',
        'Set by `dsalint import`: the agreement was drafted from a Word, PDF or text document, so its body is the text the parties sign and this front matter is a draft read from it.',
        { from: text('The document it was imported from, such as proposed-dsa.docx.') },
        ['from'],
      ),
    },
    required: ['dsalint', 'id', 'title'],
    additionalProperties: false,
    $defs: defs,
  };
}
