/**
 * Agreements as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2.1, https://w3id.org/dpv),
 * so another register, a records-of-processing tool or a transparency site can read them.
 *
 * Each agreement is a dpv:DataProcessingAgreement; each flow a dpv:PersonalDataProcess with
 * its purposes (dpv:hasPurpose), lawful bases (dpv:hasLegalBasis), personal data
 * (dpv:hasPersonalData, special category data also typed dpv:SpecialCategoryPersonalData),
 * recipient (dpv:hasRecipient) and the recipient's retention (dpv:hasStorageCondition with a
 * dpv:StorageDuration). UK GDPR keeps the EU GDPR's article numbers, so Art 6 and Art 9 bases
 * are the DPV GDPR extension's terms (eu-gdpr:A6-1-e, eu-gdpr:A9-2-g …), and each agreement
 * names the UK laws it applies under from the DPV GB extension (legal-gb:law-GDPR,
 * legal-gb:law-DPA). Bases the extensions have no term for (Art 6(1)(ea), added by the Data
 * (Use and Access) Act 2025, and the common-law bases) are dpv:LegalBasis nodes with a label.
 * Organisations are shared blank nodes, so one recipient is one node across the register.
 */
import type { AgreementRecord, FlowRecord } from '../across/record.js';
import { Organisations, flowCategories, partyOf } from '../across/estate.js';
import { categoryLabel, periodWords, purposeCategoryLabel } from '../across/words.js';
import { ARTICLE_6_BASIS, COMMON_LAW_BASIS, DATA_CATEGORY } from '../vocabulary.js';

export const DPV = 'https://w3id.org/dpv#';
export const EU_GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';
export const LEGAL_GB = 'https://w3id.org/dpv/legal/gb#';

export const JSONLD_CONTEXT = {
  dpv: DPV,
  'eu-gdpr': EU_GDPR,
  'legal-gb': LEGAL_GB,
  dct: 'http://purl.org/dc/terms/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

type Node = Record<string, unknown>;

const ARTICLE_6_TERM: Record<string, string | undefined> = {
  a_consent: 'eu-gdpr:A6-1-a',
  b_contract: 'eu-gdpr:A6-1-b',
  c_legal_obligation: 'eu-gdpr:A6-1-c',
  d_vital_interests: 'eu-gdpr:A6-1-d',
  e_public_task: 'eu-gdpr:A6-1-e',
  f_legitimate_interests: 'eu-gdpr:A6-1-f',
};

/** Art 9(2)(a)–(j) map one to one onto eu-gdpr:A9-2-a … A9-2-j. */
function article9Term(value: string): string | undefined {
  const letter = /^([a-j])_/.exec(value)?.[1];
  return letter ? `eu-gdpr:A9-2-${letter}` : undefined;
}

const labelled = (type: string, label: string, extra: Node = {}): Node => ({ '@type': type, 'rdfs:label': label, ...extra });

function legalBases(record: AgreementRecord, flow: FlowRecord): Node[] {
  const out: Node[] = [];
  const seen = new Set<string>();
  const add = (key: string, node: Node): void => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(node);
  };
  for (const id of flow.purposes) {
    const basis = record.purposes.find((p) => p.id === id)?.basis;
    if (!basis) continue;
    if (basis.article6) {
      const term = ARTICLE_6_TERM[basis.article6];
      add(`6:${basis.article6}`, term ? { '@id': term } : labelled('dpv:LegalBasis', `UK GDPR ${ARTICLE_6_BASIS.get(basis.article6)?.label ?? basis.article6}`));
    }
    if (basis.article9) {
      const term = article9Term(basis.article9);
      if (term) add(`9:${basis.article9}`, { '@id': term });
    }
    if (basis.commonLaw) {
      add(`cl:${basis.commonLaw}`, labelled('dpv:LegalBasis', `Common law duty of confidentiality: ${COMMON_LAW_BASIS.get(basis.commonLaw)?.label ?? basis.commonLaw}`));
    }
  }
  return out;
}

function processOf(record: AgreementRecord, flow: FlowRecord, id: string, orgId: (partyId: string | undefined) => string | undefined): Node {
  const purposes = flow.purposes.flatMap((pid) => {
    const p = record.purposes.find((x) => x.id === pid);
    if (!p) return [];
    return [labelled('dpv:Purpose', purposeCategoryLabel(p.category) ?? p.id, { 'dct:identifier': p.id, ...(p.description ? { 'dct:description': p.description } : {}) })];
  });
  const data = [...new Set(flowCategories(record, flow))].map((c) =>
    labelled(DATA_CATEGORY.get(c)?.special ? 'dpv:SpecialCategoryPersonalData' : 'dpv:PersonalData', categoryLabel(c), { 'dct:identifier': c }),
  );
  const recipient = orgId(flow.to);
  const retention = record.retention.filter((r) => r.party === flow.to && r.period !== undefined && (r.data.length === 0 || r.data.some((d) => flow.data.includes(d))));
  const storage = retention.map((r) =>
    labelled('dpv:StorageDuration', `Kept by ${partyOf(record, r.party)?.name ?? r.party}: ${periodWords(r.period!)}`, {
      ...(/^P/.test(r.period!) ? { 'rdf:value': { '@value': r.period, '@type': 'xsd:duration' } } : {}),
    }),
  );
  return {
    '@id': id,
    '@type': 'dpv:PersonalDataProcess',
    'dct:identifier': flow.id,
    ...(purposes.length ? { 'dpv:hasPurpose': purposes } : {}),
    ...(legalBases(record, flow).length ? { 'dpv:hasLegalBasis': legalBases(record, flow) } : {}),
    ...(data.length ? { 'dpv:hasPersonalData': data } : {}),
    ...(recipient ? { 'dpv:hasRecipient': { '@id': recipient } } : {}),
    ...(storage.length ? { 'dpv:hasStorageCondition': storage } : {}),
  };
}

export interface ExportEntry {
  readonly file: string;
  readonly record: AgreementRecord;
}

/** The agreements (one or a register of them) as one JSON-LD document. */
export function toJsonLd(entries: readonly ExportEntry[]): Record<string, unknown> {
  const orgs = new Organisations(entries.map((e) => e.record));
  const orgIds = new Map<string, string>();
  const orgNodes: Node[] = [];
  const orgId = (record: AgreementRecord) => (partyId: string | undefined): string | undefined => {
    const key = orgs.of(record, partyId);
    if (key === undefined) return undefined;
    let id = orgIds.get(key);
    if (!id) {
      id = `_:org${orgIds.size + 1}`;
      orgIds.set(key, id);
      const party = partyOf(record, partyId)!;
      orgNodes.push({ '@id': id, '@type': 'dpv:LegalEntity', 'rdfs:label': orgs.nameOf(key), ...(party.odsCode ? { 'dct:identifier': party.odsCode } : {}) });
    }
    return id;
  };
  const agreements = entries.map(({ file, record }, i) => {
    const ids = orgId(record);
    const controllers = record.parties.filter((p) => p.role === undefined || p.role === 'controller' || p.role === 'joint_controller').flatMap((p) => ids(p.id) ?? []);
    return {
      '@id': `_:agreement${i + 1}`,
      '@type': 'dpv:DataProcessingAgreement',
      'dct:identifier': record.id,
      'dct:title': record.title,
      'dct:source': file,
      ...(record.version ? { 'dct:hasVersion': record.version } : {}),
      ...(record.dates.effectiveFrom ? { 'dct:valid': { '@value': record.dates.effectiveFrom, '@type': 'xsd:date' } } : {}),
      'dpv:hasApplicableLaw': [{ '@id': 'legal-gb:law-GDPR' }, { '@id': 'legal-gb:law-DPA' }],
      ...(controllers.length ? { 'dpv:hasDataController': controllers.map((id) => ({ '@id': id })) } : {}),
      'dpv:hasPersonalDataProcess': record.flows.map((flow, j) => processOf(record, flow, `_:agreement${i + 1}-flow${j + 1}`, ids)),
    };
  });
  return { '@context': JSONLD_CONTEXT, '@graph': [...agreements, ...orgNodes] };
}
