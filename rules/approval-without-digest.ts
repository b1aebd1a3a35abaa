import { defineRule, yaml } from '../src/core/rule.js';
export default defineRule({
  id: 'approval-without-digest',
  meta: {
    title: 'Approvals should record the digest of what was approved',
    description: 'Notes, once per agreement, approvals that name a version but not the content digest they approved.',
    rationale:
      'A version number is a label anyone can edit: an approval of version 1.0.0 relabelled 1.1.0 looks exactly like an approval of 1.1.0. ' +
      'The content digest (`dsalint digest FILE`) is worked out from what the agreement allows, so an approval that records it covers exactly that ' +
      'content: if anything but wording changes, the digest changes and the approval visibly no longer covers it. Approvals by version keep working; ' +
      'this note (in the strict preset) recommends moving to digests.',
    fix: 'Record approvals with `dsalint approve FILE --party <id> --role <role> --name <name> --date <date> --write`, which adds the `digest`; or add `digest:` with the value `dsalint digest FILE` prints for the version they approved.',
    severity: 'info',
    severityReason: 'Version approvals still work; this is advice, not a problem.',
    area: 'G',
    importance: 428,
    tags: ['governance', 'sign-off'],
    presets: ['strict'],
    citations: [{ instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' }],
    defaultOptions: {},
    messages: {
      'version-only': {
        text: [
          '{{which}} {{verb}} a version but not the digest of the content approved; a version number can be edited without anyone signing again. ',
          'Record the digest with each approval (dsalint approve, or dsalint digest FILE).',
        ],
        request: 'Ask {{drafter}} to record, with each approval, exactly which text was approved, not only its version number (a version number can be changed without anyone signing again).',
      },
    },
    examples: {
      valid: [{
        title: 'an approval with its digest',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          version: 1.1.0
          parties:
            - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
          approvals:
            - { party: surgery, role: caldicott_guardian, date: 2026-09-10, version: 1.1.0, digest: abababababababababababababababababababababababababababababababab }
        `,
      }],
      invalid: [{
        title: 'an approval by version only',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          version: 1.1.0
          parties:
            - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
          approvals:
            - { party: surgery, role: caldicott_guardian, date: 2026-09-10, version: 1.1.0 }
        `,
        findings: [{ messageId: 'version-only', at: 'approvals', part: 'key' }],
      }],
    },
  },
  check({ agreement: a, report }) {
    const versionOnly = (a.approvals ?? []).filter((approval) => approval.digest === undefined && approval.version !== undefined);
    if (versionOnly.length === 0) return;
    const all = (a.approvals ?? []).length;
    const which = versionOnly.length === all ? (all === 1 ? 'The approval here' : `All ${all} approvals here`) : `${versionOnly.length} of the ${all} approvals here`;
    report({ messageId: 'version-only', data: { which, verb: versionOnly.length === 1 ? 'names' : 'name' }, at: { path: ['approvals'], part: 'key' } });
  },
});
