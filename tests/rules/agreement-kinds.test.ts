/**
 * The rules for the kinds of document real agreements are: templates, processing agreements,
 * data releases, protocols; groups of parties; agreements written under repealed law; and an
 * agreement that goes beyond the protocol it sits under.
 */
import { describe, expect, it } from 'vitest';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\n';

describe('template-presented-as-in-force', () => {
  const RULE = 'template-presented-as-in-force';
  it('reports a template marked active or suspended, at the status', async () => {
    for (const status of ['active', 'suspended']) {
      const text = `${HEAD}kind: template\nstatus: ${status}\n`;
      expect(await lintWithRule(RULE, text)).toEqual([`status ${rangeOf(text, status)}`]);
    }
  });

  it('reports each dated approval, and names the role, party and date', async () => {
    const text = `${HEAD}kind: template\nparties:\n  - { id: gp, name: "[Practice]", placeholder: true }\napprovals:\n  - { party: gp, role: dpo, date: 2026-03-01 }\n  - { party: gp, role: caldicott_guardian }\n`;
    expect(await lintWithRule(RULE, text)).toEqual([`approval ${rangeOf(text, '2026-03-01')}`]);
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.message).toContain('(Data Protection Officer for [Practice] on 1 March 2026)');
  });

  it('says nothing of a draft template, or of an agreement that is not a template', async () => {
    expect(await lintWithRule(RULE, `${HEAD}kind: template\nstatus: draft\n`)).toEqual([]);
    expect(await lintWithRule(RULE, `${HEAD}status: active\napprovals:\n  - { party: gp, role: dpo, date: 2026-03-01 }\n`)).toEqual([]);
  });

  it('does not ask a template for sign-off, a DSPT status, a DPIA or a review date', async () => {
    const text =
      `${HEAD}kind: template\nparties:\n  - { id: gp, name: "[Practice]", placeholder: true, org_type: gp_practice, role: controller }\n` +
      '  - { id: trust, name: "[Trust]", placeholder: true, org_type: nhs_trust_acute, role: controller }\n' +
      'data:\n  - { id: d, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }\nflows:\n  - { id: f, from: gp, to: trust, data: [d] }\n';
    const ids = new Set((await lintText(text)).findings.map((f) => f.ruleId));
    for (const id of ['caldicott-signoff-missing', 'dpo-review-missing', 'dspt-status-insufficient', 'dpia-missing-or-stale', 'review-date-missing-or-overdue']) {
      expect(ids.has(id)).toBe(false);
    }
    expect(ids.has('retention-missing-or-indefinite')).toBe(true);
    const asAgreement = new Set((await lintText(text.replace('kind: template\n', ''))).findings.map((f) => f.ruleId));
    expect(asAgreement.has('caldicott-signoff-missing')).toBe(true);
  });
});

describe('kinds that do not need some checks', () => {
  const parties =
    'parties:\n  - { id: gp, name: Example Surgery, org_type: gp_practice, role: controller }\n' +
    '  - { id: co, name: Example Systems Ltd, org_type: commercial_supplier, role: processor }\n' +
    'data:\n  - { id: d, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }\nflows:\n  - { id: f, from: gp, to: co, data: [d] }\n';

  it('does not ask for a Caldicott Guardian\'s decision to share in a processing agreement', async () => {
    expect(await lintWithRule('caldicott-signoff-missing', `${HEAD}kind: processing_agreement\n${parties}`)).toEqual([]);
    expect(await lintWithRule('caldicott-signoff-missing', `${HEAD}${parties}`)).toHaveLength(1);
  });

  it('does not ask the signatories of an overarching protocol for their DPO reviews', async () => {
    expect(await lintWithRule('dpo-review-missing', `${HEAD}kind: overarching_protocol\n${parties}`)).toEqual([]);
    expect(await lintWithRule('cohort-undefined', `${HEAD}kind: overarching_protocol\n${parties}`)).toEqual([]);
  });
});

describe('processing-agreement-without-processor', () => {
  const RULE = 'processing-agreement-without-processor';
  it('reports a processing agreement with no processor, at the kind', async () => {
    const text = `${HEAD}kind: processing_agreement\nparties:\n  - { id: gp, name: Example Surgery, role: controller }\n`;
    expect(await lintWithRule(RULE, text)).toEqual([`no-processor ${rangeOf(text, 'processing_agreement')}`]);
  });

  it('accepts a processor named for one purpose only', async () => {
    const text =
      `${HEAD}kind: processing_agreement\nparties:\n  - { id: gp, name: Example Surgery, role: controller }\n  - { id: co, name: Example Ltd, role: controller }\n` +
      'purposes:\n  - { id: care, roles: [{ party: co, role: processor }] }\n';
    expect(await lintWithRule(RULE, text)).toEqual([]);
    expect(await lintWithRule('processor-without-art28-contract', text)).toEqual([`no-arrangement ${rangeOf(text, 'processor')}`]);
  });
});

describe('data-release-incomplete', () => {
  const RULE = 'data-release-incomplete';
  it('reports each missing fact of a release, at the item or the kind', async () => {
    const text = `${HEAD}kind: data_release\ndata:\n  - { id: hes }\n`;
    expect(await lintWithRule(RULE, text)).toEqual([
      `no-commercial-use ${rangeOf(text, 'data_release')}`,
      `no-onward-sharing ${rangeOf(text, 'data_release')}`,
      `no-recipient ${rangeOf(text, 'data_release')}`,
      `no-identifiability ${rangeOf(text, 'hes')}`,
      `no-dataset ${rangeOf(text, 'hes')}`,
    ]);
  });

  it('is quiet for an agreement that is not a release', async () => {
    expect(await lintWithRule(RULE, `${HEAD}data:\n  - { id: hes }\n`)).toEqual([]);
  });
});

describe('party-group-empty', () => {
  const RULE = 'party-group-empty';
  it('reports a group with nobody in it, at the group', async () => {
    for (const group of ['{ description: Member practices }', '{ count: 0 }', '{ members: [] }']) {
      const text = `${HEAD}parties:\n  - { id: g, name: Member practices, group: ${group} }\n`;
      expect(await lintWithRule(RULE, text)).toEqual([`empty ${rangeOf(text, group)}`]);
    }
  });

  it('accepts members, a count or every signatory', async () => {
    for (const group of ['{ count: 7 }', '{ members: [{ name: A Surgery }] }', '{ any_signatory: true }']) {
      expect(await lintWithRule(RULE, `${HEAD}parties:\n  - { id: g, name: Member practices, group: ${group} }\n`)).toEqual([]);
    }
  });
});

describe('legal-framework-superseded', () => {
  const RULE = 'legal-framework-superseded';
  it('reports an agreement in force that was written under the DPA 1998 or the EU GDPR, at the framework', async () => {
    for (const framework of ['dpa_1998', 'eu_gdpr_dpa_2018']) {
      const text = `${HEAD}status: active\nlegal_framework: ${framework}\n`;
      expect(await lintWithRule(RULE, text)).toEqual([`superseded ${rangeOf(text, framework)}`]);
    }
  });

  it('is quiet for an agreement that has ended, or that is assessed against UK GDPR', async () => {
    expect(await lintWithRule(RULE, `${HEAD}status: expired\nlegal_framework: dpa_1998\n`)).toEqual([]);
    expect(await lintWithRule(RULE, `${HEAD}status: active\nlegal_framework: uk_gdpr_pre_duaa\n`)).toEqual([]);
  });
});

describe('exceeds-framework', () => {
  const RULE = 'exceeds-framework';
  const protocol =
    'dsalint: 1\nid: ISP-1\ntitle: Protocol\nkind: overarching_protocol\nparties:\n' +
    '  - { id: council, name: Example Council, ods_code: LA001 }\n' +
    '  - { id: pcn, name: Example PCN practices, group: { members: [{ name: A Surgery, ods_code: A11111 }, { name: B Surgery }] } }\n' +
    'purposes:\n  - { id: protect, category: safeguarding }\ndata:\n  - { id: info, categories: [name, safeguarding] }\n';
  const lint = (text: string, parent = protocol) => lintWithRule(RULE, text, { protocol: parent });

  it('accepts parties by id, ODS code, name or membership of a group, and purposes and data the protocol covers', async () => {
    const text =
      `${HEAD}parties:\n  - { id: la, name: Example City Council, ods_code: LA001 }\n  - { id: a, name: A Surgery Ltd, ods_code: A11111 }\n` +
      '  - { id: b, name: b surgery }\n  - { id: council, name: Renamed }\npurposes:\n  - { id: p, category: safeguarding }\ndata:\n  - { id: d, categories: [safeguarding] }\n';
    expect(await lint(text)).toEqual([]);
  });

  it('reports a party, a purpose and a kind of data the protocol does not cover', async () => {
    const text = `${HEAD}parties:\n  - { id: x, name: Unknown Charity }\npurposes:\n  - { id: p, category: research }\ndata:\n  - { id: d, categories: [name, genetic] }\n`;
    expect(await lint(text)).toEqual([`party ${rangeOf(text, 'Unknown Charity')}`, `purpose ${rangeOf(text, 'research')}`, `data ${rangeOf(text, 'genetic')}`]);
  });

  it('sets no limit where the protocol lists nothing, or admits every signatory', async () => {
    const open = 'dsalint: 1\nid: ISP-1\ntitle: Protocol\nparties:\n  - { id: all, name: Every signatory, group: { any_signatory: true } }\n';
    const text = `${HEAD}parties:\n  - { id: x, name: Unknown Charity }\npurposes:\n  - { id: p, category: research }\ndata:\n  - { id: d, categories: [genetic] }\n`;
    expect(await lint(text, open)).toEqual([]);
  });

  it('does nothing without the protocol', async () => {
    expect(await lintWithRule(RULE, `${HEAD}purposes:\n  - { id: p, category: research }\n`)).toEqual([]);
  });
});
