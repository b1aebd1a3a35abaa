import type { Party } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { GENERIC_NAME_WORDS as GENERIC, isGenericName, nameWords as words, orgTypeOf } from '../src/core/facts.js';

/** Words that mark a council, the legal entity a department belongs to. */
const COUNCIL = /\b(?:council|borough|county|corporation|combined authority)\b/i;
/** Words that mark a part of an organisation rather than the organisation. */
const DEPARTMENT = /\b(?:department|directorate|dept|team|service|services|division|unit)\b/i;
/** Legal-form and filler words ignored when comparing two names. */
const FILLER = /\b(?:the|ltd|limited|plc|llp|cic|nhs|foundation|trust|and|of|&)\b/gi;


function normalised(name: string): string {
  return name.toLowerCase().replace(FILLER, ' ').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Words of a name that place it: not generic, not filler (such as "Riverside" in "Riverside Borough Council"). */
function distinctive(name: string): string[] {
  return words(name).filter((w) => !GENERIC.has(w) && !/^(?:ltd|limited|plc)$/.test(w));
}

/** Council functions a department is often named after. */
const COUNCIL_FUNCTION = /\b(?:social\s+care|social\s+services|children'?s\s+services|housing|public\s+health|education|environmental\s+health|early\s+help)\b/i;

/**
 * A part of a council: a local authority service type, or (with no type given) a council function in
 * its name. A party typed as something else (a housing association, a school) is its own body.
 */
function isCouncilPart(party: Party): boolean {
  const type = orgTypeOf(party);
  return type ? type.value.startsWith('local_authority') : COUNCIL_FUNCTION.test(party.name);
}

export default defineRule({
  id: 'party-identity-unclear',
  meta: {
    title: 'Each party must be a named legal entity, listed once',
    description:
      'Reports a party named only by its type or role, a council department listed as a party beside its council, the same organisation listed ' +
      'twice (one ODS code, or the same name).',
    rationale:
      'An agreement binds the organisations that are party to it, and patients exercise their rights against them, so each must be a legal entity ' +
      'someone can identify: "Riverside Borough Council", not "Housing (local authority)" or "the Provider". A department or service of a council is ' +
      'not a legal entity of its own; the council is the controller, and listing both as parties blurs who is answerable. The same organisation ' +
      'listed under two names (an old name and a new one) looks like two controllers where there is one. (Approvals by a party that is not listed ' +
      'are reported by `reference-unresolved`; parties that have not signed, by the sign-off rules.)\n\n' +
      'Names are judged by their words: a name made only of generic words (provider, practice, council, local authority, hospital, team and the ' +
      'like) is reported; one with a place or proper name in it is not, nor one whose `legal_name` is specific. A party marked as a `placeholder` ' +
      '(a blank in a template) or a `group` described by its members is named another way and is not asked.',
    fix:
      'Give each party its full legal name (with its ODS code where it has one). List a council once, as the council, and describe the department ' +
      'that handles the data in the text. Merge duplicate entries.',
    severity: 'warning',
    severityReason: 'An unclear party undermines who is answerable for the data, but the sharing may still be sound once the name is corrected.',
    area: 'G',
    importance: 420,
    tags: ['accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'data sharing agreements: the organisations involved',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
      },
      { instrument: 'UK GDPR', provision: 'Art 4(7) (controller), Art 13(1)(a) and 14(1)(a) (identity of the controller)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/13' },
      { instrument: 'NHS England: Organisation Data Service', url: 'https://digital.nhs.uk/services/organisation-data-service' },
    ],
    defaultOptions: {},
    messages: {
      'generic-name': {
        text: [
            'Party "{{id}}" is named only by its type or role ("{{name}}"). Ask for the organisation\'s full legal name (and ODS code), so that it is clear ',
            'who is bound by the agreement and answerable to patients.',
          ],
        request: 'Ask {{drafter}} for the full legal name (and ODS code) of the party called "{{name}}", so that it is clear who is bound by the agreement.',
      },
      department: {
        text: [
            '"{{name}}" looks like a department of {{council}}, which is also a party. A department is not a legal entity: list the council once, as the ',
            'controller, and describe the department\'s part in the text.',
          ],
        request: 'Ask {{drafter}} to name {{council}} as the party, not "{{name}}": a department is not a legal body.',
      },
      'same-organisation': {
        text: 'Parties "{{id}}" and "{{other}}" look like the same organisation ({{why}}). Merge them into one party, under its current legal name.',
        severity: 'error',
        request: 'Ask {{drafter}} whether two of the parties are the same organisation ({{why}}); if so, ask for it to be named once, under its current legal name.',
      },
    },
    examples: {
      valid: [
        {
          title: 'named legal entities',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: gp, name: Riverside Surgery, ods_code: Y01234 }
              - { id: la, name: Riverside Borough Council }
          `,
        },
      ],
      invalid: [
        {
          title: 'a party named only by its type',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: gp, name: Riverside Surgery }
              - { id: la, name: Housing (local authority) }
          `,
          findings: [{ messageId: 'generic-name', text: 'Housing (local authority)' }],
        },
        {
          title: 'a department beside its council',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: la, name: Riverside Borough Council }
              - { id: asc, name: Riverside Adult Social Care Department }
          `,
          findings: [{ messageId: 'department', text: 'Riverside Adult Social Care Department' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const parties = a.parties ?? [];
    parties.forEach((party, i) => {
      // A blank in a template, or a group whose members are listed or defined, is named another way.
      if (party.placeholder === true || (party.group && ((party.group.members ?? []).length > 0 || party.group.any_signatory === true || party.group.description !== undefined))) return;
      if (isGenericName(party.name) && (party.legal_name === undefined || isGenericName(party.legal_name))) {
        report({ messageId: 'generic-name', data: { id: party.id, name: party.name }, at: ['parties', i, 'name'] });
      }
    });

    const councils = parties.filter((p) => COUNCIL.test(p.name));
    parties.forEach((party, i) => {
      if (party.group || COUNCIL.test(party.name) || !(DEPARTMENT.test(party.name) || COUNCIL_FUNCTION.test(party.name)) || !isCouncilPart(party)) return;
      const place = distinctive(party.name);
      const council = councils.find((c) => c !== party && distinctive(c.name).some((w) => place.includes(w)));
      if (!council) return;
      report({
        messageId: 'department',
        data: { name: party.name, council: council.name },
        at: ['parties', i, 'name'],
        related: [{ at: ['parties', parties.indexOf(council), 'name'], message: `${council.name} is listed here.` }],
      });
    });

    parties.forEach((party, i) => {
      for (let j = 0; j < i; j++) {
        const other = parties[j]!;
        if (party.group || other.group) continue;
        const sameOds = party.ods_code !== undefined && party.ods_code === other.ods_code;
        const names = (p: typeof party): string[] => [p.name, ...(p.legal_name ? [p.legal_name] : [])].map(normalised).filter((n) => n !== '');
        const sameName = names(party).some((n) => names(other).includes(n));
        if (!sameOds && !sameName) continue;
        report({
          messageId: 'same-organisation',
          data: { id: party.id, other: other.id, why: sameOds ? `both have ODS code ${party.ods_code}` : 'the same name' },
          at: ['parties', i, sameOds ? 'ods_code' : 'name'],
          related: [{ at: ['parties', j, sameOds ? 'ods_code' : 'name'], message: `"${other.id}" is listed here.` }],
        });
        break;
      }
    });
  },
});
