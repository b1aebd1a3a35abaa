import type { Agreement } from '../src/generated/agreement.js';
import { defineRule, extendPath, yaml, type Path } from '../src/core/rule.js';
import {
  categoryIndex,
  compareVersions,
  coversOnlyDeceased,
  dataCategoriesOf,
  flowData,
  flowsCarrying,
  isIdentifying,
  isPerCasePurpose,
  isSecondary,
  isSpecialCategory,
  materialChanges,
  orgTypeOf,
  partyById,
  partyName,
  populationFor,
  populationPathFor,
  populations,
  purposeById,
} from '../src/core/facts.js';

interface Indicator {
  readonly reason: string;
  readonly at: Path;
}

/** New technologies the ICO names as likely high risk: AI, machine learning, ambient voice and speech recognition. */
const NEW_TECHNOLOGY =
  /\b(?:artificial\s+intelligence|machine\s+learning|deep\s+learning|large\s+language\s+models?|generative|ambient\s+(?:voice|scribe|listening|AI)|speech\s+recognition|voice\s+recognition|facial\s+recognition|wearables?)\b/i;
/** The acronyms, in capitals only ("ai" in running text is not AI). */
const NEW_TECHNOLOGY_ACRONYM = /\b(?:AI|LLMs?)\b/;

/** The descriptions of purposes and data items, where an agreement says what the processing does. */
function descriptions(a: Agreement): { text: string | undefined; at: Path }[] {
  return [
    ...(a.purposes ?? []).map((p, i) => ({ text: p.description, at: ['purposes', i, 'description'] as Path })),
    ...(a.data ?? []).map((d, i) => ({ text: d.description, at: ['data', i, 'description'] as Path })),
  ];
}

/** The first match of any of the patterns, in the order of the places given. */
function firstMention(places: readonly { text: string | undefined; at: Path }[], patterns: readonly RegExp[]): { found: string; at: Path } | undefined {
  for (const place of places) {
    if (place.text === undefined) continue;
    for (const pattern of patterns) {
      const m = pattern.exec(place.text);
      if (m) return { found: m[0], at: place.at };
    }
  }
  return undefined;
}

/** The first mention of a new technology in a purpose, a data item, a flow's system or the security notes. */
function newTechnology(a: Agreement): { found: string; at: Path } | undefined {
  const places = [
    ...descriptions(a),
    ...(a.flows ?? []).map((f, i) => ({ text: f.access?.system, at: ['flows', i, 'access', 'system'] as Path })),
    { text: a.security?.notes, at: ['security', 'notes'] as Path },
  ];
  return firstMention(places, [NEW_TECHNOLOGY, NEW_TECHNOLOGY_ACRONYM]);
}

/** The first party that receives personal data from two or more senders (data matching), with the index of its first such flow. */
function receiverFromManySources(a: Agreement): { to: string; index: number } | undefined {
  const senders = new Map<string, Set<string>>();
  const first = new Map<string, number>();
  (a.flows ?? []).forEach((f, i) => {
    if (f.to === undefined || f.from === undefined || !flowData(a, f).some(isIdentifying)) return;
    senders.set(f.to, (senders.get(f.to) ?? new Set()).add(f.from));
    if (!first.has(f.to)) first.set(f.to, i);
  });
  const to = [...senders].find(([, from]) => from.size > 1)?.[0];
  return to === undefined ? undefined : { to, index: first.get(to)! };
}

/** Tracking a person's location or movements, which the ICO lists as likely high risk. */
const TRACKING = /\b(?:geo-?location|GPS|location\s+tracking|track(?:s|ing)?\s+(?:(?:the|their|a\s+person's|patients')\s+)?(?:location|whereabouts|movements?))\b/i;

/**
 * Monitoring staff in words: "monitoring staff access", "monitor employees", "employee monitoring".
 * "Staff monitoring" alone is left out: "ward staff monitoring observations" is staff doing the monitoring.
 */
const STAFF_MONITORING =
  /\b(?:monitor(?:s|ed|ing)?|surveillance\s+of)\s+(?:of\s+)?(?:the\s+|their\s+)?(?:staff|employees?|workforce|workers?)\b(?!\s+(?:levels?|numbers?))|\b(?:employee|workforce|workplace)\s+(?:monitoring|surveillance)\b/i;

/** The first sign that staff are monitored: an identifiable data item of the `staff_monitoring` category, else words in a purpose or data item. */
function staffMonitoring(a: Agreement): { what: string; at: Path } | undefined {
  for (const [j, item] of (a.data ?? []).entries()) {
    const categories: readonly string[] = item.categories ?? [];
    const k = categories.indexOf('staff_monitoring');
    if (k >= 0 && isIdentifying(item)) return { what: `data item "${item.id}" records what named staff do`, at: ['data', j, 'categories', k] };
  }
  const said = firstMention(descriptions(a), [STAFF_MONITORING]);
  return said ? { what: `the agreement describes monitoring staff ("${said.found}")`, at: said.at } : undefined;
}

/**
 * The first flow that systematically monitors a whole population: a scheduled, standing or automated
 * feed (not one case at a time) of personal data about every registered patient, or about a cohort
 * of at least `largeScale`. A one-off extract, a per-request disclosure and live access (judged on its
 * own) are not; nor is a population that has all died (UK GDPR does not apply).
 */
function systematicMonitoring(a: Agreement, largeScale: number): { index: number; who: string } | undefined {
  for (const [index, flow] of (a.flows ?? []).entries()) {
    const access = flow.access;
    if (access === undefined || access.mode === 'live_system_access' || access.mode === 'extract' || access.mode === 'per_request') continue;
    if (access.trigger === 'per_case' || access.duration === 'one_off') continue;
    const ongoing = access.mode === 'feed' || access.trigger === 'scheduled' || access.duration === 'standing';
    if (!ongoing || !flowData(a, flow).some(isIdentifying)) continue;
    const purposes = (flow.purposes ?? []).flatMap((id) => purposeById(a, id) ?? []);
    if (purposes.length > 0 && coversOnlyDeceased(a, purposes)) continue;
    const stated = purposes.length > 0 ? purposes.map((p) => populationFor(a, p)) : [a.population];
    const whole = stated.find((p) => p?.scope === 'all_registered');
    if (whole) return { index, who: 'every registered patient' };
    const large = stated.find((p) => p?.cohort_size !== undefined && p.cohort_size >= largeScale);
    if (large) return { index, who: `${large.cohort_size!.toLocaleString('en-GB')} patients` };
  }
  return undefined;
}

/** The signs, readable from the agreement, that the processing is likely to be high risk (UK GDPR Art 35). */
function highRiskIndicators(a: Agreement, largeScale: number): Indicator[] {
  const out: Indicator[] = [];
  const data = a.data ?? [];
  const purposes = a.purposes ?? [];
  if ((a.dpia?.high_risk_indicators ?? []).length > 0) {
    out.push({ reason: 'the agreement lists high-risk indicators under `dpia.high_risk_indicators`', at: ['dpia', 'high_risk_indicators'] });
  }
  const everyone = populations(a).find(({ population }) => population.scope === 'all_registered');
  if (everyone) {
    const item = data.find((d) => isIdentifying(d) && isSpecialCategory(d));
    if (item) out.push({ reason: `health (special category) data ("${item.id}") about every registered patient is processed on a large scale`, at: extendPath(everyone.path, 'scope') });
  }
  (a.flows ?? []).forEach((flow, i) => {
    if (flow.access?.mode !== 'live_system_access') return;
    if (orgTypeOf(partyById(a, flow.to))?.directCare) return;
    out.push({ reason: `flow "${flow.id}" gives ${partyName(a, flow.to)}, which is not a direct-care provider, live access to the system`, at: ['flows', i, 'access', 'mode'] });
  });
  data.forEach((item, j) => {
    if (!isIdentifying(item) || !dataCategoriesOf(item).some((c) => c.genetic)) return;
    const ids = new Set([...(item.purposes ?? []), ...flowsCarrying(a, item.id).flatMap((f) => f.purposes ?? [])]);
    if (![...ids].some((id) => { const p = purposeById(a, id); return p !== undefined && isSecondary(p); })) return;
    const k = categoryIndex(item, (c) => c.genetic);
    out.push({ reason: `genetic data ("${item.id}") is used for a purpose beyond individual care`, at: ['data', j, 'categories', k] });
  });
  const size = a.population?.cohort_size;
  if (a.population?.scope !== 'all_registered' && size !== undefined && size >= largeScale) {
    const item = data.find((d) => isIdentifying(d) && isSpecialCategory(d));
    if (item) out.push({ reason: `health (special category) data ("${item.id}") about ${size.toLocaleString('en-GB')} patients is processed on a large scale`, at: ['population', 'cohort_size'] });
  }
  const technology = newTechnology(a);
  if (technology) out.push({ reason: `the processing uses new technology ("${technology.found}")`, at: technology.at });
  const monitoring = systematicMonitoring(a, largeScale);
  if (monitoring) {
    const flow = a.flows![monitoring.index]!;
    out.push({
      reason: `flow "${flow.id}" sends ${partyName(a, flow.to)} an ongoing feed of personal data about ${monitoring.who} (systematic monitoring)`,
      at: ['flows', monitoring.index, 'access'],
    });
  }
  const staff = staffMonitoring(a);
  if (staff) out.push({ reason: `${staff.what}, which is systematic monitoring of employees`, at: staff.at });
  const tracked = firstMention(descriptions(a), [TRACKING]);
  if (tracked) out.push({ reason: `the processing tracks people's location or movements ("${tracked.found}")`, at: tracked.at });
  const matched = receiverFromManySources(a);
  if (matched) out.push({ reason: `${partyName(a, matched.to)} receives personal data from more than one source, to be combined or matched`, at: ['flows', matched.index, 'to'] });
  // Per-case purposes (safeguarding one person, a death, a court) concern one identified person at a time, not a group.
  const vulnerable = purposes.flatMap((p) => {
    if (!isSecondary(p) || isPerCasePurpose(p)) return [];
    const population = populationFor(a, p);
    const groups = population?.vulnerable_groups ?? [];
    const maxAge = population?.age_range?.max;
    if (groups.length === 0 && !(maxAge !== undefined && maxAge < 18)) return [];
    const path = populationPathFor(a, p);
    return [{ secondary: p, at: groups.length > 0 ? extendPath(path, 'vulnerable_groups') : extendPath(path, 'age_range', 'max') }];
  })[0];
  if (vulnerable) {
    out.push({
      reason: `the patients include children or vulnerable people and their data is used for a purpose beyond individual care ("${vulnerable.secondary.id}")`,
      at: vulnerable.at,
    });
  }
  return out;
}

/** The latest history entry that changed what is processed, who gets it or how. */
function latestMaterialChange(a: Agreement): { index: number; date: string } | undefined {
  let found: { index: number; date: string } | undefined;
  (a.history ?? []).forEach((h, index) => {
    if (h.date === undefined || materialChanges(h).length === 0) return;
    if (!found || h.date > found.date) found = { index, date: h.date };
  });
  return found;
}

function changeLabel(version: string | undefined, date: string): string {
  return version === undefined ? `the change recorded on ${date}` : `version ${version} (${date})`;
}

interface Options {
  readonly large_scale_cohort: number;
}

export default defineRule({
  id: 'dpia-missing-or-stale',
  meta: {
    title: 'High-risk sharing needs a current data protection impact assessment',
    description:
      'Reports an agreement that shows signs of high-risk processing but records no DPIA, a DPIA that is out of date or leaves high risk without ' +
      'consulting the ICO, and a mitigation the DPIA relies on that is recorded as not in place.',
    rationale:
      'A data protection impact assessment (DPIA) is how the organisations work out, before any data moves, what could go wrong for patients and how ' +
      'to prevent it. The law requires one before processing that is likely to result in a high risk to people (UK GDPR Art 35), and the ICO recommends ' +
      'one as the first step of any data sharing.\n\n' +
      'dsalint treats these as signs of high risk, taken from Art 35(3) and the ICO\'s list: health data about every registered patient, or about a ' +
      'cohort of at least `large_scale_cohort` patients (`population.cohort_size`; large-scale special category data); new technology such as AI, ' +
      'machine learning, ambient voice or speech recognition named in a purpose, a data item, a flow\'s system or the security notes; one ' +
      'recipient receiving personal data from more than one source (data matching); systematic monitoring, read as an ongoing feed (`mode: feed`, ' +
      'a `scheduled` trigger or `standing` access) of personal data about every registered patient or about at least `large_scale_cohort` patients ' +
      '(a one-off extract, one case at a time or records of the dead do not count); monitoring of staff, read from identifiable data of the ' +
      '`staff_monitoring` category (audit trails of who accessed which records, activity, location or performance logs) or from words such as ' +
      '"monitoring staff" or "employee monitoring" in a purpose or data item; tracking people\'s location or movements named in a purpose or ' +
      'data item; live access to the clinical system by an organisation that does not provide the patients\' care; genetic data used for ' +
      'anything other than individual care; health data about children or vulnerable people used beyond their care (other than one case at a time, ' +
      'such as safeguarding a named child); and any high-risk indicator the agreement itself lists.\n\n' +
      'A DPIA describes the processing as it was when assessed. When later versions add purposes, data or parties, widen the population or change how ' +
      'data is accessed (recorded in `history`), or the DPIA names an older version of the agreement, it no longer describes what happens. Where high ' +
      'risk remains after every mitigation, the controller must consult the ICO before starting (Art 36).\n\n' +
      'A DPIA is only as good as the mitigations it relies on. When the agreement lists them under `dpia.mitigations`, each one recorded as not in ' +
      'place is an error: the DPIA\'s conclusion depends on it, as the BMA reminded practices about the mitigations (such as opt-in) their DPIAs ' +
      'identified for online record access.',
    fix:
      'Carry out a DPIA (your DPO must be consulted) and record it under `dpia`: `reference`, `completed`, the agreement `version_covered` and ' +
      '`residual_high_risk`. After a material change, review the DPIA and update those fields. If high risk remains, consult the ICO and record the ' +
      'reference in `ico_prior_consultation`.',
    severity: 'error',
    severityReason:
      'A DPIA is a legal requirement before high-risk processing, and processing without a mitigation the DPIA relies on is not what was assessed ' +
      '(errors); a stale or unresolved DPIA is a gap to review, so it is a warning.',
    area: 'G',
    importance: 355,
    tags: ['governance', 'dpia', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 35 (data protection impact assessment)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/35' },
      { instrument: 'UK GDPR', provision: 'Art 36 (prior consultation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/36' },
      {
        instrument: 'ICO: Examples of processing likely to result in high risk',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/examples-of-processing-likely-to-result-in-high-risk',
      },
      {
        instrument: 'ICO: Data protection impact assessments (detailed guidance)',
        provision: 'When do we need to do a DPIA? What other factors might indicate likely high risk? (systematic monitoring)',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/',
        unverified: true,
      },
      {
        instrument: 'ICO: Examples of processing likely to result in high risk',
        provision: 'Tracking: examples include data processing at the workplace and location data of employees (monitoring staff)',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/examples-of-processing-likely-to-result-in-high-risk',
        unverified: true,
      },
      { instrument: 'ICO Data Sharing Code of Practice', provision: 'Carry out a DPIA', url: 'https://ico.org.uk/for-organisations/data-sharing-a-code-of-practice/navigating-the-data-sharing-code/' },
    ],
    optionsSchema: {
      type: 'object',
      properties: {
        large_scale_cohort: {
          type: 'integer',
          minimum: 1,
          description:
            'A population.cohort_size of at least this many patients, with special category data, counts as large scale. The ICO sets no number; this is a local judgement.',
          default: 10000,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { large_scale_cohort: 10000 } as Options,
    messages: {
      missing: {
        text: [
            'No data protection impact assessment (DPIA) is recorded, but {{reason}}{{more}}. A DPIA is required before processing likely to result in ',
            'a high risk: carry one out and record it under `dpia` (reference, completed, version_covered).',
          ],
        request: 'Ask {{drafter}} for the data protection impact assessment (DPIA) of this sharing: one is required before it starts.',
      },
      'stale-version': {
        text: [
            'The DPIA covers version {{covered}} of the agreement, but this is version {{version}}. Review the DPIA against what has changed and update ',
            '`version_covered` (and `completed`).',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} to review the data protection impact assessment against version {{version}}: it covers version {{covered}}.',
      },
      'stale-date': {
        text: [
            'The DPIA was completed on {{completed}}, before {{change}} changed the purposes, data, parties, population or ',
            'access. Review the DPIA against that change and update `completed` and `version_covered`.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} to review the data protection impact assessment (completed on {{completed}}) against what changed in {{change}}.',
      },
      'mitigation-not-in-place': {
        text: [
            'The DPIA relies on "{{measure}}" to reduce a risk, but the agreement records it as not in place{{status}}. Put it in place before the ',
            'processing it protects starts (or stop that processing), then record `in_place: true`.',
          ],
        severity: 'error',
        request: 'Ask {{drafter}} to put "{{measure}}" in place before the sharing it protects starts: the impact assessment relies on it, but it is not yet in place.',
      },
      'no-prior-consultation': {
        text: [
            'The DPIA says high risk remains after mitigation, but no consultation with the ICO is recorded. The ICO must be consulted before the ',
            'processing starts (UK GDPR Art 36): record the reference in `dpia.ico_prior_consultation`, or reduce the risk.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} whether the ICO was consulted: the impact assessment says high risk remains, and the law requires the ICO to be consulted before the sharing starts.',
      },
    },
    examples: {
      valid: [
        {
          title: 'live access by an ICB, with a current DPIA',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.0.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            flows:
              - { id: f1, from: surgery, to: icb, access: { mode: live_system_access } }
            dpia: { reference: DPIA-2026-001, completed: 2026-03-10, version_covered: 1.0.0, residual_high_risk: false }
          `,
        },
      ],
      invalid: [
        {
          title: 'live access by an ICB, and no DPIA',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.0.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            flows:
              - { id: f1, from: surgery, to: icb, access: { mode: live_system_access } }
          `,
          findings: [{ messageId: 'missing', text: 'dsalint' }],
        },
        {
          title: 'a monthly feed of every registered patient\'s appointments to the ICB, and no DPIA (systematic monitoring)',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.0.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            population: { scope: all_registered }
            data:
              - { id: activity, categories: [nhs_number, appointments_activity] }
            flows:
              - { id: f1, from: surgery, to: icb, data: [activity], access: { mode: feed, trigger: scheduled } }
          `,
          findings: [{ messageId: 'missing', text: 'dsalint' }],
        },
        {
          title: 'audit trails of named staff\'s access sent to the ICB, and no DPIA (monitoring of staff)',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.0.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            data:
              - { id: access-audit, description: Who opened which shared records by Smartcard user, categories: [staff_data, staff_monitoring] }
            flows:
              - { id: f1, from: surgery, to: icb, data: [access-audit] }
          `,
          findings: [{ messageId: 'missing', text: 'dsalint' }],
        },
        {
          title: 'a DPIA of an earlier version',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.0.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            flows:
              - { id: f1, from: surgery, to: icb, access: { mode: live_system_access } }
            dpia: { reference: DPIA-2025-001, completed: 2025-03-10, version_covered: 0.9.0 }
          `,
          findings: [{ messageId: 'stale-version', text: '0.9.0' }],
        },
      ],
    },
  },
  check({ agreement: a, asOf, options, report }) {
    const dpia = a.dpia;
    const indicators = highRiskIndicators(a, options.large_scale_cohort);
    if (dpia?.reference === undefined) {
      const first = indicators[0];
      if (first) {
        const more = indicators.length > 1 ? `, and ${indicators.length - 1} other sign${indicators.length > 2 ? 's' : ''} of high risk` : '';
        report({
          messageId: 'missing',
          data: { reason: first.reason, more },
          at: ['dpia', 'reference'],
          related: indicators.map((ind) => ({ at: ind.at, message: `A sign of high risk: ${ind.reason}.` })),
        });
      }
    }
    if (!dpia) return;
    const change = latestMaterialChange(a);
    if (a.version !== undefined && dpia.version_covered !== undefined && compareVersions(dpia.version_covered, a.version) < 0) {
      report({ messageId: 'stale-version', data: { covered: dpia.version_covered, version: a.version }, at: ['dpia', 'version_covered'] });
    } else if (change && dpia.completed !== undefined && dpia.completed < change.date) {
      report({
        messageId: 'stale-date',
        data: { completed: dpia.completed, change: changeLabel(a.history?.[change.index]?.version, change.date) },
        at: ['dpia', 'completed'],
        related: [{ at: ['history', change.index, 'date'], message: 'This change came after the DPIA.' }],
      });
    }
    const inForce = a.status !== 'draft' && (a.dates?.effective_from === undefined || a.dates.effective_from <= asOf);
    (dpia.mitigations ?? []).forEach((mitigation, i) => {
      if (mitigation.in_place !== false) return;
      report({
        messageId: 'mitigation-not-in-place',
        data: { measure: mitigation.measure, status: inForce ? ', while the agreement is in force' : '' },
        at: ['dpia', 'mitigations', i, 'in_place'],
      });
    });
    if (dpia.residual_high_risk === true && dpia.ico_prior_consultation === undefined) {
      report({ messageId: 'no-prior-consultation', at: ['dpia', 'residual_high_risk'] });
    }
  },
});
