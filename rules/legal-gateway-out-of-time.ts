import { defineRule, yaml } from '../src/core/rule.js';
import { firstDayOf, purposeName } from '../src/core/facts.js';
import { formatDate } from '../src/core/summary.js';

/** Statuses under which nothing relies on a basis any more. */
const ENDED = new Set(['expired', 'withdrawn']);

export default defineRule({
  id: 'legal-gateway-out-of-time',
  meta: {
    title: 'A legal basis must be in force for as long as the sharing relies on it',
    description:
      'Reports a statutory gateway relied on before it came into force, a COPI notice relied on after it ended, and an interim basis (section 251 ' +
      'support or a COPI notice) kept after a statutory gateway has come into force for the same purpose.',
    rationale:
      'A legal basis is a fact about a date. An Act or regulation that allows or requires sharing does so only from the day it comes into force ' +
      '(its commencement): sharing before then needed another basis. A notice under regulation 3(4) of the Control of Patient Information ' +
      'Regulations 2002 (such as the COVID-19 notices) allows sharing only until it ends. And section 251 support or a COPI notice is a stopgap ' +
      'for sharing no other basis covers: once a statute provides for the sharing (as the Medical Examiners (England) Regulations 2024 did from ' +
      '9 September 2024 for the medical examiner system that had relied on section 251 support), the agreement should rest on the statute and ' +
      'the interim basis should be retired, so nobody relies on an approval whose conditions no longer fit.\n\n' +
      'The rule reads `lawful_basis.statutory_gateways[].in_force_from` and `lawful_basis.copi_notice.expires` against the agreement\'s ' +
      'effective date and the run\'s as-of date. Section 251 approvals that have ended are reported by `s251-approval-invalid`.',
    fix:
      'Check the commencement of each statutory provision on legislation.gov.uk and record it; for sharing before that date, record the basis that ' +
      'applied then. Stop sharing that relies on a COPI notice once it ends, or record the basis that replaced it. When a statute now covers a ' +
      'purpose, rely on it and retire the section 251 support or COPI notice.',
    severity: 'error',
    severityReason:
      'Sharing on a statute not yet in force, or a notice that has ended, has no legal basis (error); an interim basis kept beside the statute that ' +
      'replaced it is a gap in the agreement\'s upkeep (warning).',
    area: 'C',
    importance: 245,
    tags: ['lawful-basis', 'lifecycle'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'Health Service (Control of Patient Information) Regulations 2002', provision: 'reg 3(4) notices and reg 5', url: 'https://www.legislation.gov.uk/uksi/2002/1438/contents' },
      { instrument: 'National Health Service Act 2006', provision: 's251', url: 'https://www.legislation.gov.uk/ukpga/2006/41/section/251' },
      { instrument: 'Health Research Authority: section 251 and the Confidentiality Advisory Group', url: 'https://www.hra.nhs.uk/about-us/committees-and-services/confidentiality-advisory-group/' },
      { instrument: 'NHS England: the statutory medical examiner system (from 9 September 2024)', url: 'https://www.england.nhs.uk/establishing-medical-examiner-system-nhs/non-coronial-deaths-in-the-community/' },
    ],
    defaultOptions: {},
    messages: {
      'not-yet-in-force': {
        text: [
            'The purpose {{purpose}} relies on {{provision}}, which comes into force on {{date}}, after {{when}}. Until then it is no basis: ask which ',
            'basis covers the sharing before that date, and record it (or move the effective date).',
          ],
        request: 'Ask {{drafter}} which lawful basis covers {{purpose}} before {{date}}: {{provision}} comes into force only then.',
      },
      'copi-ended': {
        text: [
            'The purpose {{purpose}} relies on a COPI notice that ended on {{date}}. Disclosures under it must have stopped then: ask which basis the ',
            'sharing rests on now and record it, or stop the sharing.',
          ],
        request: 'Ask {{drafter}} which basis {{purpose}} rests on now: the COPI notice it relies on ended on {{date}}.',
      },
      'interim-kept': {
        text: [
            'The purpose {{purpose}} still relies on {{interim}} although {{provision}} has been in force since {{date}}. Rest the sharing on the ',
            'statute and retire the interim basis (tell CAG, or record that the notice is no longer relied on).',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} to rest {{purpose}} on {{provision}}, in force since {{date}}, and to stop relying on {{interim}}.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a statutory gateway in force before the agreement',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01 }
            purposes:
              - id: me
                lawful_basis:
                  statutory_gateways: [{ provision: Coroners and Justice Act 2009 s19, in_force_from: 2024-09-09 }]
          `,
        },
      ],
      invalid: [
        {
          title: 'a gateway relied on before it commenced',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01 }
            purposes:
              - id: me
                lawful_basis:
                  statutory_gateways: [{ provision: Example Act 2026 s4, in_force_from: 2026-06-01 }]
          `,
          findings: [{ messageId: 'not-yet-in-force', text: '2026-06-01' }],
        },
        {
          title: 'section 251 support kept after the statute replaced it',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            dates: { effective_from: 2026-04-01 }
            purposes:
              - id: me
                lawful_basis:
                  common_law: s251_support
                  s251: { reference: 21/CAG/0032 }
                  statutory_gateways: [{ provision: Coroners and Justice Act 2009 s19, in_force_from: 2024-09-09 }]
          `,
          findings: [{ messageId: 'interim-kept', text: 's251_support' }],
        },
      ],
    },
  },
  check({ agreement: a, asOf, report }) {
    if (a.status !== undefined && ENDED.has(a.status)) return;
    const from = firstDayOf(a.dates?.effective_from);
    (a.purposes ?? []).forEach((purpose, i) => {
      const basis = purpose.lawful_basis;
      if (!basis) return;
      const gateways = basis.statutory_gateways ?? [];
      gateways.forEach((gateway, k) => {
        const commenced = gateway.in_force_from;
        if (commenced === undefined) return;
        const reliedFrom = from !== undefined && from < asOf ? from : asOf;
        if (commenced <= reliedFrom) return;
        report({
          messageId: 'not-yet-in-force',
          data: {
            purpose: purposeName(purpose),
            provision: gateway.provision,
            date: formatDate(commenced),
            when: reliedFrom === asOf ? 'the date this agreement is judged on' : `the agreement took effect (${formatDate(from)})`,
          },
          at: ['purposes', i, 'lawful_basis', 'statutory_gateways', k, 'in_force_from'],
        });
      });
      const copiEnd = basis.copi_notice?.expires;
      if (copiEnd !== undefined && copiEnd < asOf) {
        report({ messageId: 'copi-ended', data: { purpose: purposeName(purpose), date: formatDate(copiEnd) }, at: ['purposes', i, 'lawful_basis', 'copi_notice', 'expires'] });
      }
      const inForce = gateways.find((g) => g.in_force_from !== undefined && g.in_force_from <= asOf);
      if (!inForce) return;
      const s251 = basis.common_law === 's251_support' || basis.s251 !== undefined;
      const copiLive = basis.copi_notice !== undefined && !(copiEnd !== undefined && copiEnd < asOf);
      if (!s251 && !copiLive) return;
      report({
        messageId: 'interim-kept',
        data: { purpose: purposeName(purpose), interim: s251 ? 'section 251 support' : 'a COPI notice', provision: inForce.provision, date: formatDate(inForce.in_force_from) },
        at: s251 ? (basis.common_law === 's251_support' ? ['purposes', i, 'lawful_basis', 'common_law'] : ['purposes', i, 'lawful_basis', 's251']) : ['purposes', i, 'lawful_basis', 'copi_notice'],
      });
    });
  },
});
