import { defineRule, type Target, yaml } from '../src/core/rule.js';
import { approvesCurrentVersion, partyName } from '../src/core/facts.js';
import { formatDate } from '../src/core/summary.js';
import { allTextFields, fieldMatches, type TextField } from '../src/core/text-fields.js';
import { labelOf } from '../src/vocabulary.js';
import { joinWords } from '../src/core/words.js';

/** Unfilled template text: bracketed prompts, merge fields, XXXX and "to be confirmed". */
const PLACEHOLDER =
  /\[\s*(?:insert|enter|add|name|organi[sz]ation|org|date|party|partner|signatory|title|address|ods|tbc|tbd|x{2,})\b[^\]\n]{0,60}\]|<<[^>\n]{1,60}>>|<\s*insert[^>\n]{0,60}>|\{\{[^}\n]{1,60}\}\}|\bX{3,}\b|\bTBC\b|\bTBD\b|\bto\s+be\s+confirmed\b/gi;

/** Wording that says the document binds no one. */
const NON_BINDING =
  /\b(?:is|are|shall\s+be|will\s+be)\s+not\s+(?:intended\s+to\s+be\s+)?(?:a\s+)?legally[\s-]+binding\b|\bnon[\s-]?binding\b|\bnot\s+intended\s+to\s+(?:be\s+legally\s+binding|create\s+legal\s+(?:relations|obligations))\b|\bdoes\s+not\s+create\s+(?:any\s+)?legal(?:ly\s+binding)?\s+(?:obligations|relations)\b/gi;

/** Those acting for a party asked, not required, to follow the agreement. */
const ENCOURAGED_ONLY =
  /\b(?:contractors?|sub-?contractors?|suppliers?|processors?|sub-?processors?|third\s+parties|agents?)\b[^.;:\n]{0,80}?\b(?:encouraged|expected|invited|urged|asked)\s+to\s+(?:comply|follow|adhere|abide|observe|meet|apply)\b|\b(?:contractors?|sub-?contractors?|suppliers?|processors?|third\s+parties)\b[^.;:\n]{0,80}?\b(?:should|will)\s+(?:use\s+)?(?:their\s+)?(?:best|reasonable)\s+endeavours\s+to\s+(?:comply|follow|adhere)\b/gi;

interface Match {
  readonly at: Target;
  readonly found: string;
}

function matches(fields: readonly TextField[], pattern: RegExp): Match[] {
  return [...fieldMatches(fields, pattern)].map(({ field, match: m }) => {
    const offsets = field.offsets(m.index, m.index + m[0].length);
    return { at: field.path ? { offsets, path: field.path } : { offsets }, found: m[0].replace(/\s+/g, ' ') };
  });
}

export default defineRule({
  id: 'agreement-not-final',
  meta: {
    title: 'An agreement in force must be final, versioned and binding',
    description:
      'Reports a draft that is in force, approvals dated after sharing began, an agreement with no version, an unfilled template presented as in ' +
      'force, wording that says the agreement binds no one, and contractors only "encouraged" to comply.',
    rationale:
      'The rules in an agreement protect patients only if the agreement is the final text that everyone signed, and if it binds the people who ' +
      'handle the data. Reviewers raise these signs that it is not:\n\n' +
      '- a `draft` that took effect in the past and that a party disclosing data has signed: data is probably flowing under a text its own status ' +
      'says is unfinished;\n' +
      '- approvals of the current version dated after it took effect: the sharing started before the accountable officers agreed to it;\n' +
      '- no `version`: nobody can tell which text was signed, or whether a sign-off covers the text in use;\n' +
      '- template placeholders ("[insert organisation name]", "XXXX", "TBC") in an agreement that is not a draft: the template was never completed;\n' +
      '- `binding: false`, or wording that the agreement is "not legally binding": a data sharing agreement need not be a contract, but each party ' +
      'must commit to follow it, or it is a policy statement with nothing behind it (the wording is a judgement, reported for review);\n' +
      '- contractors or processors only "encouraged" or "expected" to comply: anyone handling the data for a party must be bound, and a processor by ' +
      'a contract with the UK GDPR Art 28(3) terms.\n\n' +
      'A published template or model agreement (`kind: template`) is not in force and is not signed, so none of this is asked of it.',
    fix:
      'Finish the document before data flows: complete every placeholder, give it a version number, have each party\'s accountable officers sign ' +
      'that version before the effective date, and then mark it `active`. Replace "not binding" and "encouraged to comply" wording with commitments ' +
      'each party (and its contractors, by contract) must keep.',
    severity: 'error',
    severityReason:
      'A draft or an unfinished template in force means the sharing has no agreed text behind it (error). Late approvals, a missing version and weak ' +
      'wording are gaps a reviewer would ask to close (warning), and whether the wording binds the parties is a judgement (review).',
    area: 'L',
    importance: 240,
    tags: ['lifecycle', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'data sharing agreements',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
      },
      { instrument: 'UK GDPR', provision: 'Art 5(2) (accountability) and Art 24 (responsibility of the controller)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/24' },
      { instrument: 'UK GDPR', provision: 'Art 28(3) and (4) (processors bound by contract)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/28' },
    ],
    defaultOptions: {},
    messages: {
      'draft-in-force': {
        text: [
            'The agreement is marked draft, but it took effect on {{date}} and {{signed}} signed it, so data may already be flowing under a text its own ',
            'status calls unfinished. Ask whether sharing has started: if it has, finish the text and mark it active; if not, set the effective date to when it will.',
          ],
        request: 'Ask {{drafter}} whether sharing has started under this draft (it took effect on {{date}} and {{signed}} signed it); if it has, ask for the final text.',
      },
      'approved-after-start': {
        text: [
            'The {{role}} of {{party}} approved this version on {{date}}, after the agreement took effect on {{from}}, so sharing started before it was ',
            'approved. Ask whether data flowed before then; in future, approve before the effective date (or move the effective date).',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} whether data was shared before the {{role}} of {{party}} approved the agreement on {{date}}: it took effect on {{from}}.',
      },
      'no-version': {
        text: 'The agreement has no version number, so nobody can tell which text was signed. Add `version` (such as 1.0.0) and record it on each approval.',
        severity: 'warning',
        request: 'Ask {{drafter}} to give the agreement a version number, so that everyone knows which text was signed.',
      },
      template: {
        text: [
            'The agreement is {{status}} but still contains template text ("{{found}}"){{more}}. Ask for the completed text, with real names, dates and ',
            'details, signed by each party.',
          ],
        request: 'Ask {{drafter}} for the completed text, with real names, dates and details: it still contains template text ("{{found}}").',
      },
      'non-binding': {
        text: [
            'The agreement says it is "{{found}}". It need not be a contract, but each party must commit to follow it, or it is a policy with nothing ',
            'behind it. Ask for wording by which every party agrees to keep its terms (and an Art 28 contract for any processor).',
          ],
        severity: 'warning',
        kind: 'review',
        request: 'Ask {{drafter}} for wording by which every party agrees to keep the agreement\'s terms: it says it is "{{found}}".',
      },
      'not-binding': {
        text: [
            'The agreement records that it does not bind the parties (`binding: false`). A policy that can be changed at any time protects no one: ask ',
            'for an agreement each party commits to keep (and an Art 28 contract for any processor) before data is shared under it.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} for wording by which every party agrees to keep the agreement\'s terms.',
      },
      'encouraged-only': {
        text: [
            'The agreement only says "{{found}}". Anyone handling the data for a party must be bound to these terms, not encouraged: ask for a binding ',
            'obligation, by contract with the UK GDPR Art 28(3) terms for a processor.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} for a binding obligation on everyone who handles the data for a party (a contract, for a processor): the agreement only says "{{found}}".',
      },
    },
    examples: {
      valid: [
        {
          title: 'an active, versioned agreement signed before it took effect',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.0.0
            status: active
            dates: { effective_from: 2026-04-01 }
            parties:
              - { id: gp, name: Riverside Surgery }
            approvals:
              - { party: gp, role: caldicott_guardian, date: 2026-03-20, version: 1.0.0 }
          `,
        },
      ],
      invalid: [
        {
          title: 'a signed draft that took effect in the past',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.0.0
            status: draft
            dates: { effective_from: 2026-04-01 }
            parties:
              - { id: gp, name: Riverside Surgery }
            approvals:
              - { party: gp, role: caldicott_guardian, date: 2026-03-20, version: 1.0.0 }
          `,
          findings: [{ messageId: 'draft-in-force', text: 'draft' }],
        },
        {
          title: 'a template presented as in force',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.0.0
            status: active
            parties:
              - { id: gp, name: "[Insert practice name]" }
          `,
          findings: [{ messageId: 'template', text: '[Insert practice name]' }],
        },
      ],
    },
  },
  check({ agreement: a, document, source, asOf, report }) {
    // A published template or model is not in force and is not signed: none of this applies to it.
    if (a.kind === 'template') return;
    const from = a.dates?.effective_from;
    // A draft signed today that takes effect today is not yet a draft in force.
    const started = from !== undefined && from < asOf;
    // Only a signature by a party that discloses data puts a draft in force; a request signed by the recipient alone does not.
    const senders = new Set((a.flows ?? []).flatMap((f) => (f.from === undefined ? [] : [f.from])));
    const dated = (a.approvals ?? []).filter((ap) => ap.date !== undefined && ap.date <= asOf && (senders.size === 0 || senders.has(ap.party)));

    if (a.status === 'draft' && started && dated.length > 0) {
      const signers = [...new Set(dated.map((ap) => partyName(a, ap.party)))];
      report({
        messageId: 'draft-in-force',
        data: { date: formatDate(from), signed: joinWords(signers) },
        at: ['status'],
        related: [{ at: ['dates', 'effective_from'], message: `The agreement took effect on ${formatDate(from)}.` }],
      });
    }

    if (started && a.status !== 'draft') {
      (a.approvals ?? []).forEach((approval, i) => {
        if (approval.date === undefined || approval.date <= from || approval.date > asOf || !approvesCurrentVersion(a, approval)) return;
        report({
          messageId: 'approved-after-start',
          data: { role: labelOf('signoffRole', approval.role), party: partyName(a, approval.party), date: formatDate(approval.date), from: formatDate(from) },
          at: ['approvals', i, 'date'],
          related: [{ at: ['dates', 'effective_from'], message: `The agreement took effect on ${formatDate(from)}.` }],
        });
      });
    }

    if (a.version === undefined) report({ messageId: 'no-version', at: ['version'] });

    const fields = allTextFields(document, source, new Set(['history']));
    if (a.status !== 'draft') {
      const blanks: Match[] = (a.parties ?? []).flatMap((p, i) => (p.placeholder === true ? [{ at: ['parties', i, 'name'], found: p.name }] : []));
      const [first, ...rest] = [...blanks, ...matches(fields, PLACEHOLDER).filter((m) => !blanks.some((b) => b.found === m.found))];
      if (first) {
        report({
          messageId: 'template',
          data: { status: a.status === undefined ? 'not marked as a draft' : `marked ${a.status}`, found: first.found, more: rest.length > 0 ? ` and ${rest.length} more placeholder${rest.length === 1 ? '' : 's'}` : '' },
          at: first.at,
          related: rest.slice(0, 10).map((m) => ({ at: m.at, message: `Template text "${m.found}" here.` })),
        });
      }
    }
    if (a.binding === false) {
      report({ messageId: 'not-binding', at: ['binding'] });
    } else {
      const [nonBinding] = matches(fields, NON_BINDING);
      if (nonBinding) report({ messageId: 'non-binding', data: { found: nonBinding.found }, at: nonBinding.at });
    }
    for (const m of matches(fields, ENCOURAGED_ONLY)) report({ messageId: 'encouraged-only', data: { found: m.found }, at: m.at });
  },
});
