import type { Agreement, OrgType, Party, PurposeCategory } from '../src/generated/agreement.js';
import { defineRule, markdown } from '../src/core/rule.js';
import { fileOffsets, isNegated, proseBlocks, type ProseBlock } from '../src/core/prose.js';
import { isGenericName } from '../src/core/facts.js';

/** Words that say data goes to someone. `share ... with` and `disclose ... to` allow a few words between. */
const DISCLOSURE =
  /\b(?:(?:share|shares|shared|sharing)\s+(?:[\p{L}\p{N}'’-]+\s+){0,6}?with|(?:disclose|discloses|disclosed|disclosing|provided|passed|sent|sold|supplied|transferred|given|released|forwarded)\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}?to|made\s+available\s+to|(?:access|accessed)\s+by)\s+/giu;

/** A capitalised name straight after the verb: "the Medical Examiner Office", "Acme Analytics Ltd", "Department of Health and Social Care". */
const NAME = /^(?:(?:the|a|an)\s+)?(\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+(?:(?:of|and|for|&|the|in|on)\s+)*\p{Lu}[\p{L}\p{N}'’&-]*)*)/u;

/** Words in organisation names that do not tell organisations apart. */
const NOISE = new Set(['the', 'ltd', 'limited', 'plc', 'llp', 'cic', 'inc', 'nhs', 'trust', 'foundation', 'and', 'of', 'for', 'in', 'on', 'co', 'company']);

/** Capitalised words after a sharing verb that are not organisations: systems, roles, document parts. */
const NOT_ORGANISATIONS = new Set([
  'smartcard', 'smartcards', 'nhsmail', 'mesh', 'spine', 'gp connect', 'summary care record', 'shared care record',
  'caldicott guardian', 'caldicott guardians', 'data protection officer', 'dpo', 'siro', 'patient', 'patients',
  'annex', 'appendix', 'schedule', 'section', 'part', 'article', 'table',
]);
const PERSON = /^(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame)\.?\s/i;

/** Acronyms for organisation types, matched against declared parties' types. */
const ACRONYMS: Readonly<Record<string, readonly OrgType[]>> = {
  ICB: ['icb'],
  PCN: ['pcn'],
  CSU: ['commissioning_support_unit'],
  UKHSA: ['ukhsa'],
  CQC: ['regulator'],
  GMC: ['regulator'],
  NMC: ['regulator'],
  MEO: ['medical_examiner_office'],
  ME: ['medical_examiner_office'],
};

interface Kind {
  /** How the message names them: "the police". */
  readonly label: string;
  readonly re: RegExp;
  readonly orgTypes: readonly OrgType[];
  readonly purposes: readonly PurposeCategory[];
  /** A declared party whose name says it is one. */
  readonly name: RegExp;
}

/** Kinds of recipient that are rarely part of a health and care agreement, and must be declared when they are. */
const RECIPIENT_KINDS: readonly Kind[] = [
  { label: 'the police', re: /\b(?:police|constabulary)\b/iu, orgTypes: ['police'], purposes: ['law_enforcement'], name: /police|constabulary/i },
  { label: 'insurers', re: /\binsur(?:ers?|ance\s+(?:compan(?:y|ies)|providers?))\b/iu, orgTypes: [], purposes: ['insurance'], name: /insur|assur/i },
  {
    label: 'universities or researchers',
    re: /\b(?:universit(?:y|ies)|researchers?|research\s+(?:teams?|organisations?|institutions?)|academics?)\b/iu,
    orgTypes: ['university_or_researcher'],
    purposes: ['research'],
    name: /universit|research|college/i,
  },
  {
    label: 'a local authority',
    re: /\b(?:local\s+authorit(?:y|ies)|(?:county|city|borough|district)\s+councils?)\b/iu,
    orgTypes: ['local_authority_adult_social_care', 'local_authority_childrens_services', 'local_authority_public_health'],
    purposes: [],
    name: /council|local authority/i,
  },
  {
    label: 'pharmaceutical companies',
    re: /\b(?:pharmaceutical|pharma|drug)\s+(?:compan(?:y|ies)|firms?|industry|manufacturers?)\b/iu,
    orgTypes: [],
    purposes: ['commercial', 'marketing'],
    name: /pharma/i,
  },
  { label: 'marketing companies', re: /\bmarketing\s+(?:compan(?:y|ies)|agenc(?:y|ies)|firms?|organisations?)\b/iu, orgTypes: [], purposes: ['marketing'], name: /marketing/i },
];

/** Uses of the data named in the text that need a declared purpose. */
const PURPOSE_USE = /\b(?:used|use|uses|using|processed|process|shared|disclosed|sold)\s+for\s+(?:the\s+purposes?\s+of\s+)?(?:(?:direct|medical|health|clinical)\s+)?(marketing|research|insurance)\b/giu;
const PURPOSE_KINDS: Readonly<Record<string, { label: string; purposes: readonly PurposeCategory[] }>> = {
  marketing: { label: 'marketing', purposes: ['marketing', 'commercial'] },
  research: { label: 'research', purposes: ['research'] },
  insurance: { label: 'insurance', purposes: ['insurance'] },
};

/** How many words after the verb may name the kind of recipient: "shared with a team of university researchers". */
const KIND_WINDOW_WORDS = 4;
/** Those words, up to a punctuation mark or line end; read only that far, so a long paragraph of verbs stays linear. */
const KIND_WINDOW = new RegExp(`^[^.;:!?,()\\s]*(?:[^\\S\\n]+[^.;:!?,()\\s]*){0,${KIND_WINDOW_WORDS - 1}}`, 'u');
/** A name longer than this is not an organisation's name: only this much after a verb is read for one. */
const MAX_NAME_CHARS = 200;

function tokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '' && !NOISE.has(t))
    .map((t) => (t.length > 4 && t.endsWith('s') && !/(?:ss|us|is)$/.test(t) ? t.slice(0, -1) : t));
}

function initials(name: string): string {
  return name
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !['of', 'and', 'the', 'for', 'in', 'on'].includes(w.toLowerCase()))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

function subset(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && a.every((t) => b.includes(t));
}

/**
 * Whether a declared party answers to this name: its distinctive words are all in the party's
 * name (`loose` also accepts a party whose name is part of it: "Acme UK Ltd" for "Acme Ltd"),
 * or it is the party's id. An acronym in it ("ICB", "MEO") stands for the party when it is in
 * the initials of the party's name or names the party's type.
 */
function namesParty(mention: string, parties: readonly Party[], loose: boolean): boolean {
  const words = mention.trim().split(/\s+/u);
  const acronyms = words.filter((w) => /^\p{Lu}{2,6}$/u.test(w) && !NOISE.has(w.toLowerCase()));
  const mt = tokens(words.filter((w) => !acronyms.includes(w)).join(' '));
  if (mt.length === 0 && acronyms.length === 0) return true; // nothing distinctive left ("the NHS Trust"): cannot judge
  return parties.some((p) => {
    if (mention.trim().toLowerCase() === p.id.toLowerCase()) return true;
    const pt = tokens(p.name);
    const standsFor = (a: string) => initials(p.name).includes(a) || (p.org_type !== undefined && (ACRONYMS[a] ?? []).includes(p.org_type));
    // Acronyms that do not stand for the party are compared as ordinary words ("Acme UK Ltd").
    const own = acronyms.every(standsFor) ? mt : tokens(mention);
    return own.length === 0 || subset(own, pt) || (loose && subset(pt, own));
  });
}

/** Whether the name after the verb is declared: the whole name, or each organisation in "X and Y". */
function declaredName(name: string, parties: readonly Party[]): boolean {
  if (namesParty(name, parties, false)) return true;
  const parts = name.split(/\s+(?:and|&)\s+(?:the\s+)?/u);
  return parts.every((part) => namesParty(part, parties, true));
}

function declaresKind(a: Agreement, kind: { orgTypes?: readonly OrgType[]; purposes: readonly PurposeCategory[]; name?: RegExp }): boolean {
  const parties = a.parties ?? [];
  return (
    parties.some((p) => (p.org_type !== undefined && (kind.orgTypes ?? []).includes(p.org_type)) || (kind.name?.test(p.name) ?? false)) ||
    (a.purposes ?? []).some((p) => p.category !== undefined && kind.purposes.includes(p.category))
  );
}

type Found = { readonly start: number; readonly end: number } & (
  | { readonly messageId: 'undeclared-recipient'; readonly data: { readonly name: string } }
  | { readonly messageId: 'signatory-not-party'; readonly data: { readonly name: string } }
  | { readonly messageId: 'undeclared-kind'; readonly data: { readonly kind: string } }
  | { readonly messageId: 'undeclared-purpose'; readonly data: { readonly purpose: string } }
);

/** The signature formula: "Signed on behalf of …", "Signed for and on behalf of …", "For and on behalf of …". */
const SIGNED_FOR = /\b(?:signed\s+(?:for\s+and\s+)?on\s+behalf\s+of|for\s+and\s+on\s+behalf\s+of)\s+/giu;

/** The parties, each also under its legal name, as the names a signatory may sign for. */
function signingNames(a: Agreement): Party[] {
  return (a.parties ?? []).flatMap((p) => (p.legal_name ? [p, { ...p, name: p.legal_name }] : [p]));
}

/**
 * The organisation named at `from` in the block (up to `to`), when it is signed for but no declared
 * party answers to it by its name or legal name. A name made only of generic words ("the Provider"),
 * a person's name and a blank ("[Organisation]") are not judged.
 */
function unknownSignatory(block: ProseBlock, from: number, to: number, parties: readonly Party[]): Found | undefined {
  const name = NAME.exec(block.text.slice(from, Math.min(to, from + MAX_NAME_CHARS)));
  const nameText = name?.[1]?.replace(/['’&-]+$/u, '').trim();
  if (!name || !nameText) return undefined;
  if (PERSON.test(`${nameText} `) || isGenericName(nameText) || declaredName(nameText, parties)) return undefined;
  const start = from + name[0].length - name[1]!.length;
  return { messageId: 'signatory-not-party', start, end: start + nameText.length, data: { name: nameText.replace(/\s+/g, ' ') } };
}

/**
 * Organisations the text says the agreement is signed for that no declared party answers to: a
 * signatory named differently from the party it signs for, or signing for an organisation that is
 * not a party.
 */
function signatoriesIn(a: Agreement, block: ProseBlock, file: string): Found[] {
  const parties = signingNames(a);
  const out: Found[] = [];
  for (const signed of block.text.matchAll(SIGNED_FOR)) {
    const after = (signed.index ?? 0) + signed[0].length;
    // The name ends at the line or the next punctuation ("… of Riverside Medical Practice\nName: Dr A").
    const rest = /^[^\n:;,.()|]*/u.exec(block.text.slice(after))?.[0] ?? '';
    const found = unknownSignatory(block, after, after + rest.length, parties);
    if (found) out.push(found);
  }
  return [...out, ...signatureTableIn(block, parties, file)];
}

/** A table's delimiter row: `| --- | :---: |`. Split, not one pattern: runs of spaces between optional parts backtrack. */
function isDelimiterRow(line: string): boolean {
  const inner = line.trim().replace(/^\|/u, '').replace(/\|$/u, '');
  return inner !== '' && inner.split('|').every((cell) => /^:?-+:?$/u.test(cell.trim()));
}
/** A column (or row) label for the organisation that signs: "Organisation", "Party", "On behalf of", "Signed for and on behalf of". */
const ORGANISATION_LABEL =
  /^(?:(?:(?:signing|partner|member|party)\s+)?organi[sz]ation(?:\s+name)?|name\s+of\s+(?:the\s+)?(?:organi[sz]ation|party)|party|(?:signed\s+)?(?:for\s+and\s+)?on\s+behalf\s+of|signed\s+for)$/iu;
/** A label in the first column of a table of labels and values, below its first row. */
const ROW_LABEL = /^(?:name|role|title|position|job\s+title|designation|date|signature|signed|date\s+signed)$/iu;
/** A label that makes a table a signature table: a signature, or the date it was signed. */
const SIGNATURE_LABEL = /\b(?:signature|signed|sign(?:ed)?\s+off|date\s+signed)\b/iu;

interface Cell {
  readonly text: string;
  /** Where the cell's text starts and ends in the block, trimmed. */
  readonly start: number;
  readonly end: number;
}

/**
 * The cells of one table row, trimmed, without the empty cells outside a leading or trailing pipe.
 * A pipe written `\|` (as `dsalint import` writes one inside a cell) is text, not a cell border.
 */
function cellsOf(line: string, lineStart: number, escaped: (at: number) => boolean): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && (line[i] !== '|' || escaped(lineStart + i))) continue;
    const raw = line.slice(from, i);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), start: lineStart + from + lead, end: lineStart + from + lead + raw.trim().length });
    from = i + 1;
  }
  if (cells[0]?.text === '' && line.trimStart().startsWith('|')) cells.shift();
  if (cells.at(-1)?.text === '' && line.trimEnd().endsWith('|')) cells.pop();
  return cells;
}

/** A label as written in a cell, without emphasis marks' leftovers or a trailing colon. */
function label(cell: Cell | undefined): string {
  return (cell?.text ?? '').replace(/:$/u, '').trim();
}

/**
 * Organisations named in a signature table (a Markdown table with a signature or date-signed column
 * or row) that no declared party answers to. Both layouts are read: a column headed "Organisation"
 * (or "Party", "On behalf of") with one signatory a row, and two columns of label and value with a
 * row labelled that way. The Markdown parser dsalint uses does not build tables, so a table is
 * one paragraph of lines, read here.
 */
function signatureTableIn(block: ProseBlock, parties: readonly Party[], file: string): Found[] {
  if (!block.text.includes('|')) return [];
  // The parser has already turned `\|` into `|`: the file still shows the backslash.
  const escaped = (at: number): boolean => file[(block.offsets[at] ?? 0) - 1] === '\\';
  const lines: { text: string; start: number }[] = [];
  let at = 0;
  for (const text of block.text.split('\n')) {
    lines.push({ text, start: at });
    at += text.length + 1;
  }
  const out: Found[] = [];
  for (let h = 0; h + 1 < lines.length; h++) {
    if (!lines[h]!.text.includes('|') || !isDelimiterRow(lines[h + 1]!.text)) continue;
    const header = cellsOf(lines[h]!.text, lines[h]!.start, escaped);
    const rows: Cell[][] = [];
    for (let r = h + 2; r < lines.length && lines[r]!.text.includes('|'); r++) rows.push(cellsOf(lines[r]!.text, lines[r]!.start, escaped));
    const judge = (cell: Cell | undefined) => {
      const found = cell && cell.text !== '' ? unknownSignatory(block, cell.start, cell.end, parties) : undefined;
      if (found) out.push(found);
    };
    const all = [header, ...rows];
    if (rows.some((row) => ROW_LABEL.test(label(row[0])) || ORGANISATION_LABEL.test(label(row[0])))) {
      // Labels down the first column: "| Signed on behalf of | Riverside PCN |", "| Name | Dr A |", "| Signature | |".
      if (all.some((row) => SIGNATURE_LABEL.test(label(row[0])))) for (const row of all) if (ORGANISATION_LABEL.test(label(row[0]))) judge(row[1]);
    } else {
      // Labels across the header: "| Organisation | Name | Signature | Date |", one signatory a row.
      const column = header.findIndex((cell) => ORGANISATION_LABEL.test(label(cell)));
      if (column >= 0 && header.some((cell) => SIGNATURE_LABEL.test(label(cell)))) for (const row of rows) judge(row[column]);
    }
    h += 1 + rows.length;
  }
  return out;
}

function recipientsIn(a: Agreement, block: ProseBlock): Found[] {
  const out: Found[] = [];
  const parties = a.parties ?? [];
  for (const verb of block.text.matchAll(DISCLOSURE)) {
    const verbStart = verb.index ?? 0;
    const after = verbStart + verb[0].length;
    if (isNegated(block, verbStart, after)) continue;
    const rest = block.text.slice(after);
    const name = NAME.exec(rest.slice(0, MAX_NAME_CHARS));
    const nameText = name?.[1]?.replace(/['’&-]+$/u, '');
    const nameStart = name && nameText ? after + name[0].length - name[1]!.length : -1;

    // The kind of recipient, in the first few words ("the police", "university researchers").
    const window = KIND_WINDOW.exec(rest)?.[0]?.split(/\s+/).join(' ') ?? '';
    const kind = RECIPIENT_KINDS.find((k) => k.re.test(window));
    if (kind) {
      if (declaredName(nameText ?? '', parties) && nameText) continue;
      if (!declaresKind(a, kind)) {
        // A named organisation of that kind ("Northshire County Council") is reported by its name.
        if (nameText && nameStart >= 0 && kind.re.test(nameText)) {
          out.push({ messageId: 'undeclared-recipient', start: nameStart, end: nameStart + nameText.length, data: { name: nameText.replace(/\s+/g, ' ') } });
        } else {
          const m = kind.re.exec(rest)!;
          out.push({ messageId: 'undeclared-kind', start: after + m.index, end: after + m.index + m[0].length, data: { kind: kind.label } });
        }
      }
      continue; // the kind, not the capitalised words, says who this is
    }
    if (!nameText || nameStart < 0) continue;
    const lower = nameText.toLowerCase();
    if (PERSON.test(`${nameText} `) || NOT_ORGANISATIONS.has(lower) || NOT_ORGANISATIONS.has(tokens(nameText)[0] ?? '')) continue;
    if (declaredName(nameText, parties)) continue;
    out.push({ messageId: 'undeclared-recipient', start: nameStart, end: nameStart + nameText.length, data: { name: nameText.replace(/\s+/g, ' ') } });
  }
  for (const use of block.text.matchAll(PURPOSE_USE)) {
    const word = use[1]!.toLowerCase();
    const purpose = PURPOSE_KINDS[word];
    const start = use.index ?? 0;
    if (!purpose || isNegated(block, start, start + use[0].length) || declaresKind(a, purpose)) continue;
    const end = start + use[0].length;
    out.push({ messageId: 'undeclared-purpose', start: end - use[1]!.length, end, data: { purpose: purpose.label } });
  }
  return out;
}
export default defineRule({
  id: 'prose-undeclared-party',
  meta: {
    title: 'The text of a Markdown agreement must not name recipients or uses its structured part does not declare',
    description:
      'In a Markdown agreement, reports body text that shares data with an organisation that is not a declared party ("shared with Acme ' +
      'Analytics Ltd"), with a kind of recipient no party is ("disclosed to the police", "shared with researchers"), or uses it for marketing, ' +
      'research or insurance when no purpose says so.',
    rationale:
      'Everyone who receives patient data under an agreement must be a party to it, with a role, flows, a lawful basis and sign-off; every use must ' +
      'be a declared purpose. If the text people sign mentions a recipient or a use that the structured part never declares, dsalint\'s checks ' +
      'cannot cover it and patients would not expect it.\n\n' +
      'This is a heuristic, so its findings ask for review rather than fail the agreement. It reads sentences such as "shared with …", "disclosed ' +
      'to …", "sent to …", "made available to …" and "access by …", and takes the capitalised name straight after them. A name matches a party when ' +
      'its distinctive words appear in the party\'s name (ignoring "the", "Ltd", "NHS", "Trust" and similar), when it is the party\'s id, or when it ' +
      'is an acronym of the party\'s name or type (ICB, PCN, CSU, MEO). It also looks for kinds of recipient that need declaring — the police, ' +
      'insurers, universities and researchers, local authorities, pharmaceutical and marketing companies — in the first few words after the verb, ' +
      'and for "used for marketing / research / insurance". It also reads the signature formula ("signed on behalf of …", "for and on behalf of …") ' +
      'and signature tables (a Markdown table with a Signature or Date signed column, read in its Organisation, Party or On behalf of column, or ' +
      'in the row so labelled when labels run down the first column), and asks about an organisation signed for that matches no party\'s name or ' +
      'legal name: a party list and signatures that disagree leave it unclear who is bound. A table of parties with no signature column is not read.\n\n' +
      'Its limits: a recipient named in lower case ("the medical examiner") or without one of those verbs is not seen; a person\'s name after a ' +
      'title (Dr, Mrs) is skipped; systems and roles (Smartcard, GP Connect, Caldicott Guardian) are not organisations; and a sentence that denies ' +
      'the sharing ("will never be shared with insurers") is skipped, as is any sentence with "not" or "no" before the verb.',
    fix:
      'If the organisation does receive the data, declare it under `parties` (with its role) and add the flow to it, its purpose and its sign-off. ' +
      'If the use is intended, declare the purpose with its lawful basis. Otherwise correct the text so that it matches the structured agreement.',
    severity: 'warning',
    severityReason: 'A heuristic reading of prose: likely an undeclared recipient or use, but a person must confirm it.',
    kind: 'review',
    area: 'text',
    importance: 525,
    tags: ['prose', 'transparency', 'purpose-limitation'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(a) and (b) (transparency, purpose limitation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'data sharing agreements: the organisations involved and the purpose',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
      },
    ],
    defaultOptions: {},
    messages: {
      'undeclared-recipient': {
        text: [
          'The text says the data goes to "{{name}}", but no declared party has that name. Every organisation that receives the data must be a party: ',
          'add it under `parties` with its flow and sign-off, or correct the text.',
        ],
        request: 'Ask {{drafter}} whether "{{name}}" receives the data. If it does, it must be a party to the agreement, with its purpose, lawful basis and sign-off; if not, ask for the words to be removed.',
      },
      'signatory-not-party': {
        text: [
          'The text says the agreement is signed on behalf of "{{name}}", but no declared party has that name or legal name. Ask which party the ',
          'signatory acts for: give the party its full legal name (`legal_name`), correct the signature block, or add the organisation as a party with its role and flows.',
        ],
        request: 'Ask {{drafter}} which party the person signing on behalf of "{{name}}" acts for: the signature block and the list of parties must name the same organisations.',
      },
      'undeclared-kind': {
        text: [
          'The text says the data goes to {{kind}}, but no declared party is one. Every organisation that receives the data must be a party: add it ',
          'under `parties` with its flow, purpose and sign-off, or correct the text.',
        ],
        request: 'Ask {{drafter}} which {{kind}} receive the data. Each must be named as a party, with its purpose, lawful basis and sign-off, or the words removed.',
      },
      'undeclared-purpose': {
        text: [
          'The text says the data is used for {{purpose}}, but no declared purpose is {{purpose}}. Declare it under `purposes` with its lawful basis, ',
          'or correct the text.',
        ],
        request: 'Ask {{drafter}} whether the data is used for {{purpose}}. If it is, the agreement must name that purpose and its lawful basis; if not, ask for the words to be removed.',
      },
    },
    examples: {
      valid: [
        {
          title: 'the text names only declared parties',
          markdown: true,
          agreement: markdown`
            ---
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: "Medical Examiner Office, Example Hospitals NHS Trust", org_type: medical_examiner_office }
            ---

            Example Surgery shares a summary of the final illness with the Medical Examiner Office. It will never be shared with insurers.
          `,
        },
      ],
      invalid: [
        {
          title: 'an undeclared supplier named in the text',
          markdown: true,
          agreement: markdown`
            ---
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: "Medical Examiner Office, Example Hospitals NHS Trust", org_type: medical_examiner_office }
            ---

            Summaries are also shared with Acme Analytics Ltd for quality reporting.
          `,
          findings: [{ messageId: 'undeclared-recipient', text: 'Acme Analytics Ltd' }],
        },
        {
          title: 'the police named in the text',
          markdown: true,
          agreement: markdown`
            ---
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: "Medical Examiner Office, Example Hospitals NHS Trust", org_type: medical_examiner_office }
            ---

            Summaries may be disclosed to the police on request.
          `,
          findings: [{ messageId: 'undeclared-kind', text: 'police' }],
        },
      ],
    },
  },
  check({ agreement: a, source, report }) {
    if (source.kind !== 'markdown' || !source.markdown) return;
    for (const block of proseBlocks(source.markdown, source.text)) {
      for (const { start, end, ...message } of [...recipientsIn(a, block), ...signatoriesIn(a, block, source.text)]) report({ ...message, at: { offsets: fileOffsets(block, start, end) } });
    }
  },
});
