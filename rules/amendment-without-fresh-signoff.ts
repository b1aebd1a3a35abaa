import type { Agreement, HistoryEntry, SignoffRole } from '../src/generated/agreement.js';
import { defineRule } from '../src/core/rule.js';
import { approvalsBy, approvesCurrentVersion, compareVersions, isController, materialChanges } from '../src/core/facts.js';
import { formatDate, joinWords } from '../src/core/summary.js';
import { labelOf } from '../src/vocabulary.js';

/** The accountable officers whose approval a material change needs afresh. */
const ROLES: readonly SignoffRole[] = ['caldicott_guardian', 'dpo'];

const AGREEMENT = (approvalDate: string): string =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nversion: 1.1.0\nparties:\n' +
  '  - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }\n' +
  '  - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }\n' +
  'flows:\n  - { id: f1, from: surgery, to: meo }\n' +
  'history:\n  - { version: 1.0.0, date: 2026-04-01 }\n' +
  '  - { version: 1.1.0, date: 2026-09-01, changes: { changed_access: true } }\n' +
  `approvals:\n  - { party: surgery, role: caldicott_guardian, date: ${approvalDate}, version: 1.1.0 }\n`;

/**
 * The most recent material change that applies to the current version: a dated history entry
 * recording material changes, not newer than the agreement's version.
 */
function latestMaterialChange(a: Agreement): { entry: HistoryEntry; index: number; date: string; what: string[] } | undefined {
  let best: { entry: HistoryEntry; index: number; date: string; what: string[] } | undefined;
  (a.history ?? []).forEach((entry, index) => {
    const what = materialChanges(entry);
    if (what.length === 0 || entry.date === undefined) return;
    if (a.version !== undefined && entry.version !== undefined && compareVersions(entry.version, a.version) > 0) return;
    if (!best || entry.date > best.date) best = { entry, index, date: entry.date, what };
  });
  return best;
}

export default defineRule({
  id: 'amendment-without-fresh-signoff',
  meta: {
    title: 'A material change needs fresh sign-off',
    description:
      'Reports a disclosing controller\'s Caldicott Guardian or Data Protection Officer approval of the current version that is dated before the ' +
      'latest material change recorded in `history` (added purposes, data or parties, a wider population, or changed access).',
    rationale:
      'Adding a purpose, a data item or a recipient, widening the patients covered, or changing how the data is reached (say from requests to live ' +
      'system access) is a new decision about patients\' confidential information. The Caldicott Guardian and the Data Protection Officer of each ' +
      'organisation that discloses the data must make that decision, usually with a refreshed data protection impact assessment. An approval dated ' +
      'before the change was made cannot have covered it, even if it has been relabelled with the new version number.\n\n' +
      'dsalint looks at the latest `history` entry (not newer than the agreement\'s `version`) whose `changes` record a material change, and at each ' +
      'disclosing controller\'s (the `from` of a flow) latest Caldicott Guardian and DPO approval of the current version. An approval dated before ' +
      'that entry\'s `date` is reported; an approval on the same day counts. A controller with no approval of the current version at all is reported by ' +
      '`caldicott-signoff-missing` (and the DPO rules), not here.',
    fix:
      'Ask the Caldicott Guardian (and DPO) to review the agreement as it now stands, including the change, and record their new approval with its ' +
      'date and the current `version`. If the change was made in error, remove it and its history entry.',
    severity: 'error',
    severityReason: 'Without fresh approval, the change has no accountable decision on confidentiality behind it.',
    tags: ['lifecycle', 'governance', 'sign-off', 'purpose-limitation'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(2) (accountability) and Art 24 (responsibility of the controller)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      {
        instrument: 'ICO: contractual liability in data sharing agreements',
        provision: 'reviewing and amending the agreement',
        url: 'https://cy.ico.org.uk/for-organisations/data-sharing-information-hub/contractual-liability-in-data-sharing-agreements/',
      },
      {
        instrument: 'National Data Guardian: guidance about the appointment of Caldicott Guardians, their role and responsibilities (2021)',
        url: 'https://www.ukcgc.uk/ndg-guidance-faqs',
      },
    ],
    defaultOptions: {},
    messages: {
      stale:
        'The {{role}} of {{party}} approved this version on {{approved}}, before {{change}}, which {{what}}. A material change needs fresh approval: ask ' +
        'them to review the agreement as it now stands and record their new approval and its date.',
    },
    examples: {
      valid: [{ title: 'approval given after the change', agreement: AGREEMENT('2026-09-10') }],
      invalid: [
        {
          title: 'an approval dated before the change, relabelled with the new version',
          agreement: AGREEMENT('2026-03-20'),
          findings: [{ messageId: 'stale', range: '14:55-14:65' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const change = latestMaterialChange(a);
    if (!change) return;
    const disclosers = new Set((a.flows ?? []).flatMap((f) => (f.from !== undefined ? [f.from] : [])));
    const changeText = change.entry.version !== undefined ? `the change to version ${change.entry.version} on ${formatDate(change.date)}` : `the change on ${formatDate(change.date)}`;
    for (const party of a.parties ?? []) {
      if (!disclosers.has(party.id) || !isController(party)) continue;
      for (const role of ROLES) {
        // Approvals of the current version, as caldicott-signoff-missing counts them; none is its finding.
        const current = approvalsBy(a, party.id, role).filter(({ approval }) => approvesCurrentVersion(a, approval) && approval.date !== undefined);
        if (current.length === 0) continue;
        const latest = current.reduce((best, f) => (f.approval.date! > best.approval.date! ? f : best));
        if (latest.approval.date! >= change.date) continue;
        report({
          messageId: 'stale',
          data: {
            role: labelOf('signoffRole', role),
            party: party.name,
            approved: formatDate(latest.approval.date),
            change: changeText,
            what: joinWords(change.what),
          },
          at: ['approvals', latest.index, 'date'],
          related: [{ at: ['history', change.index, 'changes'], message: `The change is recorded here (${formatDate(change.date)}).` }],
        });
      }
    }
  },
});
