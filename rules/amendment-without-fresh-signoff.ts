import type { Agreement, Approval, HistoryEntry, SignoffRole } from '../src/generated/agreement.js';
import { defineRule, yaml, type AgreementContext, type Path, type PreviousVersion } from '../src/core/rule.js';
import type { Change } from '../src/core/diff.js';
import { approvalsBy, approvalStanding, approvesCurrentVersion, compareVersions, isController, materialChanges } from '../src/core/facts.js';
import { digestOf, isDigest, sameDigest, contentDigest } from '../src/core/digest.js';
import { formatDate, joinWords } from '../src/core/summary.js';
import { labelOf } from '../src/vocabulary.js';

/** The accountable officers whose approval a widening change needs afresh. */
const ROLES: readonly SignoffRole[] = ['caldicott_guardian', 'dpo'];

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

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The earlier version's approvals, as plain data. */
function previousApprovals(previous: PreviousVersion): Approval[] {
  const list = asRecord(previous.data)['approvals'];
  return Array.isArray(list) ? (list.filter((x) => typeof x === 'object' && x !== null) as Approval[]) : [];
}

/** The same signature as one at the base (party, role, name, date), whatever its version now says. */
function carriedOver(approval: Approval, before: readonly Approval[]): Approval | undefined {
  return before.find((b) => b.party === approval.party && b.role === approval.role && String(b.name ?? '') === String(approval.name ?? '') && String(b.date ?? '') === String(approval.date ?? ''));
}

/**
 * Whether an approval is a fresh sign-off of the content as it now stands: its digest is
 * the current content's; or, without a digest, it names the current version and is not a
 * signature carried over from the base (relabelled or untouched).
 */
function freshSignOff(a: Agreement, approval: Approval, before: readonly Approval[]): boolean {
  if (approval.digest !== undefined) return isDigest(approval.digest) && sameDigest(approval.digest, digestOf(a));
  if (a.version === undefined || approval.version === undefined || compareVersions(approval.version, a.version) !== 0) return false;
  return carriedOver(approval, before) === undefined;
}

/** Why an approval is not a fresh sign-off, in words. */
function whyNotFresh(approval: Approval, before: readonly Approval[], ref: string): string {
  const dated = approval.date ? ` dated ${formatDate(approval.date)}` : '';
  if (approval.digest !== undefined) return `its approval${dated} records the digest of other content`;
  const old = carriedOver(approval, before);
  if (old && old.version !== undefined && approval.version !== undefined && String(old.version) !== String(approval.version)) {
    return `its approval${dated} is the one at ${ref} with the version changed from ${String(old.version)} to ${String(approval.version)}`;
  }
  if (old) return `its approval${dated} was given before this change, at ${ref}`;
  if (approval.version !== undefined) return `its approval${dated} is of version ${String(approval.version)}`;
  return `its approval${dated} does not say what it covers`;
}

/** The history entry that should record a change made in the current version. */
function historyEntryFor(a: Agreement): { entry: HistoryEntry; index: number } | undefined {
  if (a.version === undefined) return undefined;
  const index = (a.history ?? []).findIndex((h) => h.version !== undefined && compareVersions(h.version, a.version!) === 0);
  return index < 0 ? undefined : { entry: a.history![index]!, index };
}

/** Whether a history entry records a broadening change (by the matching `changes` key, or at all). */
function recordsChange(entry: HistoryEntry, change: Change): boolean {
  const c = entry.changes ?? {};
  const id = change.itemId;
  if (change.pattern === 'purposes[]' && id) return (c.added_purposes ?? []).includes(id);
  if (change.pattern === 'data[]' && id) return (c.added_data ?? []).includes(id);
  if (change.pattern === 'parties[]' && id) return (c.added_parties ?? []).includes(id);
  if (/^(purposes\[\]\.)?population\./.test(change.pattern)) return c.widened_population === true;
  if (change.pattern.startsWith('flows[].access.')) return c.changed_access === true;
  return materialChanges(entry).length > 0 || entry.summary !== undefined;
}

/** What to add to history for a change, in words. */
function historyHint(change: Change): string {
  const id = change.itemId ? `"${change.itemId}"` : '';
  if (change.pattern === 'purposes[]') return `changes: { added_purposes: [${id}] }`;
  if (change.pattern === 'data[]') return `changes: { added_data: [${id}] }`;
  if (change.pattern === 'parties[]') return `changes: { added_parties: [${id}] }`;
  if (/^(purposes\[\]\.)?population\./.test(change.pattern)) return 'changes: { widened_population: true }';
  if (change.pattern.startsWith('flows[].access.')) return 'changes: { changed_access: true }';
  return 'a summary of the change';
}

const MESSAGES = {
  stale: {
    text: [
      'The {{role}} of {{party}} approved this version on {{approved}}, before {{change}}, which {{what}}. A material change needs fresh approval: ask ',
      'them to review the agreement as it now stands and record their new approval and its date.',
    ],
    request: 'Ask for the {{role}} of {{party}} to approve the agreement as it now stands: they approved it on {{approved}}, before {{change}}, which {{what}}.',
  },
  'other-content': {
    text: [
      'The {{role}} of {{party}} approved content whose digest is {{approved}}…, but the agreement as it now stands has digest {{current}}…: ',
      'something other than wording has changed since they signed. Ask them to review this version and record their approval with the new digest ',
      '(dsalint approve).',
    ],
    request: 'Ask for the {{role}} of {{party}} to approve the agreement as it now stands: its content has changed since they signed.',
  },
  'not-a-digest': {
    text: 'This digest is not a SHA-256 digest (64 characters, 0-9 and a-f), so the approval covers nothing. Copy it exactly as `dsalint digest` prints it.',
    request: 'Ask {{drafter}} to record exactly which text this approval covers: as recorded, it covers nothing.',
  },
  'widened-without-signoff': {
    text: [
      'Since {{ref}}, this version {{what}}, which widens the sharing, but {{who}} {{has}} not signed off the agreement as it now stands ({{why}}). ',
      'Ask them to review the change and record their approval with the new digest (dsalint approve).',
    ],
    request: 'Ask for {{who}} to approve the agreement as it now stands: since {{ref}} it {{what}}, which widens the sharing.',
  },
  'widened-not-in-history': {
    text: 'Since {{ref}}, this version {{what}}, which widens the sharing, but {{problem}}. Record it so that the people signing off see it: {{hint}}.',
    request: 'Ask {{drafter}} to record in the version history that since {{ref}} the agreement {{what}}, which widens the sharing, so that everyone signing sees the change.',
  },
  'base-unreadable': {
    text: 'dsalint could not compare this agreement with its earlier version: {{problem}}. Changes since then were not checked for fresh sign-off; the agreement was checked as it stands.', severity: 'warning',
    request: 'Ask {{drafter}} what has changed since the version that was last signed: the earlier version could not be compared ({{problem}}).',
  },
} as const;

export default defineRule({
  id: 'amendment-without-fresh-signoff',
  meta: {
    title: 'A widening change needs fresh sign-off of the content as it now stands',
    description:
      'Reports approvals that no longer cover the agreement: a digest of other content, a digest that is not one, an approval dated before the latest ' +
      'material change in `history`, and (with `dsalint lint --base`) each change since the base version that widens the sharing without fresh ' +
      'sign-off, or without a `history` entry recording it.',
    rationale:
      'Adding a purpose, a data item or a recipient, widening the patients covered, or changing how the data is reached (say from requests to live ' +
      'system access) is a new decision about patients\' confidential information. The Caldicott Guardian and the Data Protection Officer of each ' +
      'organisation that discloses the data must make that decision, usually with a refreshed data protection impact assessment. An approval given ' +
      'before the change cannot have covered it, even if it has been relabelled with the new version number.\n\n' +
      'The surest record is the **content digest**: `dsalint digest FILE` prints a fingerprint of what the agreement allows (not its wording, layout, ' +
      'history or approvals), and `dsalint approve` records it with the approval. An approval whose digest does not match the agreement as it stands ' +
      'no longer covers it, whatever its `version` says; wording changes keep the digest. If every version since the approved one is marked ' +
      '`material: false` in `history` (wording or narrowing only), the approval still covers it.\n\n' +
      'Without a base version, dsalint looks at the latest `history` entry (not newer than the agreement\'s `version`) whose `changes` record a material ' +
      'change, and at each disclosing controller\'s latest Caldicott Guardian and DPO approval of the current version: one dated before that entry is ' +
      'reported. With `dsalint lint --base <ref>` (and in the GitHub Action on a pull request) it compares the agreement with its version at the base ' +
      'instead, and reports each change that widens the sharing at the change itself: when the Caldicott Guardian or DPO who signed the agreement has ' +
      'not signed the new content (a signature carried over from the base, with or without its version edited, is not fresh), and when `history` does ' +
      'not record the change. A change that only narrows the sharing needs no fresh sign-off.',
    fix:
      'Ask the Caldicott Guardian (and DPO) to review the agreement as it now stands, including the change, and record their approval with ' +
      '`dsalint approve FILE --party <id> --role <role> --name <name> --date <date> --write`, which records the current digest. Record the change in ' +
      '`history` under the new version. If the change was made in error, remove it.',
    severity: 'error',
    severityReason: 'Without fresh approval, the change has no accountable decision on confidentiality behind it.',
    area: 'L',
    importance: 225,
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
    messages: MESSAGES,
    examples: {
      valid: [
        {
          title: 'approval given after the change',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }
            flows:
              - { id: f1, from: surgery, to: meo }
            history:
              - { version: 1.0.0, date: 2026-04-01 }
              - { version: 1.1.0, date: 2026-09-01, changes: { changed_access: true } }
            approvals:
              - { party: surgery, role: caldicott_guardian, date: 2026-09-10, version: 1.1.0 }
          `,
        },
        {
          title: 'an approval recording the digest of the content as it stands',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }
            flows:
              - { id: f1, from: surgery, to: meo }
            approvals:
              - party: surgery
                role: caldicott_guardian
                date: 2026-09-10
                digest: 4f9faf908118deaa09ded57bc0de7986874ef48b50b9e76a4663845fcf325ce7
          `,
        },
      ],
      invalid: [
        {
          title: 'an approval dated before the change, relabelled with the new version',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }
            flows:
              - { id: f1, from: surgery, to: meo }
            history:
              - { version: 1.0.0, date: 2026-04-01 }
              - { version: 1.1.0, date: 2026-09-01, changes: { changed_access: true } }
            approvals:
              - { party: surgery, role: caldicott_guardian, date: 2026-03-20, version: 1.1.0 }
          `,
          findings: [{ messageId: 'stale', at: 'approvals[0].date' }],
        },
        {
          title: 'an approval of other content',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }
            flows:
              - { id: f1, from: surgery, to: meo }
            approvals:
              - party: surgery
                role: caldicott_guardian
                date: 2026-09-10
                digest: 5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e
          `,
          findings: [{ messageId: 'other-content', at: 'approvals[0].digest' }],
        },
        {
          title: 'a digest that is not one',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }
            flows:
              - { id: f1, from: surgery, to: meo }
            approvals:
              - party: surgery
                role: caldicott_guardian
                date: 2026-09-10
                digest: approved-by-email
          `,
          findings: [{ messageId: 'not-a-digest', at: 'approvals[0].digest' }],
        },
      ],
    },
  },
  check({ agreement: a, previous, report }) {
    const parties = new Map((a.parties ?? []).map((p) => [p.id, p]));
    const partyName = (id: string): string => parties.get(id)?.name ?? id;

    // Digests: an approval bound to other content no longer covers the agreement.
    (a.approvals ?? []).forEach((approval, index) => {
      if (approval.digest === undefined) return;
      const standing = approvalStanding(a, approval);
      if (standing === 'bad-digest') report({ messageId: 'not-a-digest', at: ['approvals', index, 'digest'] });
      else if (standing === 'other-content' && !narrowedSinceApproved(approval, previous)) {
        report({
          messageId: 'other-content',
          data: { role: labelOf('signoffRole', approval.role), party: partyName(approval.party), approved: approval.digest.slice(0, 12), current: digestOf(a).slice(0, 12) },
          at: ['approvals', index, 'digest'],
        });
      }
    });

    if (previous?.problem) {
      report({ messageId: 'base-unreadable', data: { problem: previous.problem }, at: [] });
      return;
    }
    if (previous) {
      checkAgainstPrevious(a, previous, partyName, report);
      return;
    }

    const change = latestMaterialChange(a);
    if (!change) return;
    const disclosers = new Set((a.flows ?? []).flatMap((f) => (f.from !== undefined ? [f.from] : [])));
    const changeText = change.entry.version !== undefined ? `the change to version ${change.entry.version} on ${formatDate(change.date)}` : `the change on ${formatDate(change.date)}`;
    for (const party of a.parties ?? []) {
      if (!disclosers.has(party.id) || !isController(party)) continue;
      for (const role of ROLES) {
        // Approvals covering the current version, as caldicott-signoff-missing counts them; none is its finding.
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

/** An approval of the base version's exact content, when everything since only narrowed or reworded: it still holds. */
function narrowedSinceApproved(approval: Approval, previous: PreviousVersion | undefined): boolean {
  if (!previous || previous.problem || previous.data === undefined || approval.digest === undefined) return false;
  return sameDigest(approval.digest, contentDigest(previous.data)) && !previous.changes.some((c) => c.class === 'broadening');
}

type Reporter = AgreementContext<typeof MESSAGES, unknown>['report'];

function checkAgainstPrevious(a: Agreement, previous: PreviousVersion, partyName: (id: string) => string, report: Reporter): void {
  const widening = previous.changes.filter((c) => c.class === 'broadening');
  if (widening.length === 0) return;
  const before = previousApprovals(previous);
  const disclosers = new Set((a.flows ?? []).flatMap((f) => (f.from !== undefined ? [f.from] : [])));

  // Who signs this agreement for a disclosing controller, now or at the base: each must sign the new content.
  const signers = new Map<string, { party: string; role: SignoffRole }>();
  for (const approval of [...before, ...(a.approvals ?? [])]) {
    if (!ROLES.includes(approval.role) || !disclosers.has(approval.party) || !isController(a.parties?.find((p) => p.id === approval.party))) continue;
    signers.set(`${approval.party}|${approval.role}`, { party: approval.party, role: approval.role });
  }
  const missing: { label: string; why: string; index?: number }[] = [];
  for (const { party, role } of [...signers.values()].sort((x, y) => (x.party + x.role < y.party + y.role ? -1 : 1))) {
    const mine = approvalsBy(a, party, role);
    if (mine.some(({ approval }) => freshSignOff(a, approval, before))) continue;
    const last = mine.at(-1);
    missing.push({
      label: `the ${labelOf('signoffRole', role)} of ${partyName(party)}`,
      why: last ? whyNotFresh(last.approval, before, previous.ref) : 'there is no approval of this version',
      ...(last ? { index: last.index } : {}),
    });
  }

  const history = historyEntryFor(a);
  const previousVersion = asRecord(previous.data)['version'];
  const renumbered = a.version !== undefined && previousVersion !== undefined && compareVersions(String(previousVersion), a.version) !== 0;
  for (const change of widening) {
    const at = change.after as Path;
    if (missing.length > 0) {
      report({
        messageId: 'widened-without-signoff',
        data: {
          ref: previous.ref,
          what: change.what,
          who: joinWords(missing.map((m) => m.label)),
          has: missing.length === 1 ? 'has' : 'have',
          why: missing.map((m) => m.why).join('; '),
        },
        at,
        related: missing.flatMap((m) => (m.index !== undefined ? [{ at: ['approvals', m.index] satisfies Path, message: `Not a sign-off of this version: ${m.why}.` }] : [])),
      });
    }
    let problem: string | undefined;
    let related: { at: Path; message: string }[] = [];
    if (!renumbered) {
      problem = a.version === undefined ? 'the agreement has no version number, so no history entry can record it' : `the version is still ${a.version}, as at ${previous.ref}`;
    } else if (!history) {
      problem = `\`history\` has no entry for version ${a.version}`;
    } else if (history.entry.material === false) {
      problem = `\`history\` says version ${a.version} is not material`;
      related = [{ at: ['history', history.index, 'material'], message: 'History calls this version not material here.' }];
    } else if (!recordsChange(history.entry, change)) {
      problem = `the \`history\` entry for version ${a.version} does not record it`;
      related = [{ at: ['history', history.index], message: `The entry for version ${a.version}.` }];
    }
    if (problem) {
      const hint = !renumbered
        ? `give this version a new number and add a \`history\` entry for it with ${historyHint(change)}`
        : !history
          ? `add a \`history\` entry for version ${a.version} with ${historyHint(change)}`
          : `add ${historyHint(change)} to the \`history\` entry for version ${a.version}${history.entry.material === false ? ' and remove material: false' : ''}`;
      report({ messageId: 'widened-not-in-history', data: { ref: previous.ref, what: change.what, problem, hint }, at, related });
    }
  }
}
