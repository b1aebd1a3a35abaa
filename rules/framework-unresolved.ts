import { defineRule, yaml } from '../src/core/rule.js';
import { rulesNeedingParent, sectionsNeedingParent } from '../src/core/framework.js';
import { labelOf } from '../src/vocabulary.js';
import { joinWords, lowerFirst } from '../src/core/words.js';

export default defineRule({
  id: 'framework-unresolved',
  meta: {
    title: 'The overarching protocol an agreement sits under must be found',
    description:
      'Reports an agreement whose `framework.path` cannot be followed (no file there, not a relative path, the wrong agreement, a loop of protocols), ' +
      'and notes which checks could not run when the protocol it takes sections from is not among the files checked.',
    rationale:
      'Many agreements are the second tier of a two-tier arrangement: an overarching information sharing protocol, signed by every organisation in ' +
      'an area, sets the common standards (security, retention, breach handling, the legal bases), and a specific agreement under it sets out one ' +
      'flow of data and says the rest is "as in the protocol". Such an agreement is only complete together with its protocol.\n\n' +
      'dsalint checks the two together when the protocol\'s file is among the files being checked: it follows `framework.path` (relative to the ' +
      'agreement, never outside the files and folders given) and fills in the sections listed under `framework.inherits`. When it cannot, a section ' +
      'the agreement inherits is not treated as missing; instead the checks that would judge it are not run, and this rule says which, so nobody ' +
      'mistakes silence for a pass. A path that leads nowhere, to a different agreement or round in a circle is a mistake in the agreement and is ' +
      'reported as one.',
    fix:
      'Give the protocol\'s file in `framework.path`, relative to this agreement (such as `../protocol/isp.dsa.yaml`), make sure `framework.id` is ' +
      'the protocol\'s own `id`, and check the agreement and the protocol together, for example by linting the folder that holds both.',
    severity: 'error',
    severityReason:
      'A path that cannot be right is an error in the agreement; a protocol that simply was not among the files checked is information, because ' +
      'nothing is wrong with the agreement itself.',
    area: 'L',
    importance: 160,
    tags: ['lifecycle', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'data sharing agreements',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
      },
    ],
    defaultOptions: {},
    messages: {
      'not-checked': {
        text: [
          'This agreement takes {{sections}} from the overarching protocol {{id}}, {{where}}, so these checks could not run on it: {{rules}}. ',
          'Check the protocol together with this agreement (for example lint the folder that holds both) to run them.',
        ],
        severity: 'info',
        request: 'Ask {{drafter}} for the overarching protocol {{id}}: this agreement takes {{sections}} from it, and those parts could not be checked without it.',
      },
      'not-relative': {
        text: [
          '`framework.path` is "{{path}}", which is not a path relative to this agreement. dsalint only reads files among those being checked; give the ',
          'protocol\'s file relative to this one, such as ../protocol/isp.dsa.yaml.',
        ],
        request: 'Ask {{drafter}} for a copy of the overarching protocol this agreement sits under, so that the parts it takes from the protocol can be checked.',
      },
      'not-found': {
        text: [
          '`framework.path` points to "{{path}}", but there is no agreement file there. Correct the path (it is relative to this agreement), or remove it ',
          'if the protocol has no dsalint file.',
        ],
        request: 'Ask {{drafter}} for a copy of the overarching protocol this agreement sits under, so that the parts it takes from the protocol can be checked.',
      },
      invalid: {
        text: [
          'The overarching protocol at "{{path}}" could not be used: {{detail}}. Fix the protocol\'s file; until then these checks could not run on this ',
          'agreement: {{rules}}.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} for a complete, current copy of the overarching protocol this agreement sits under: the copy supplied could not be read ({{detail}}).',
      },
      'id-mismatch': {
        text: [
          '`framework.id` is {{id}}, but the file at "{{path}}" is a different agreement ({{detail}}). Point `framework.path` at the protocol {{id}}, or ',
          'correct `framework.id`.',
        ],
        request: 'Ask {{drafter}} which overarching protocol this agreement sits under: it names {{id}}, but the protocol supplied is a different one.',
      },
      cycle: {
        text: [
          '`framework.path` "{{path}}" leads round in a circle: following each protocol\'s own framework comes back to an agreement already visited. ',
          'An agreement cannot sit under itself; correct the paths.',
        ],
        request: 'Ask {{drafter}} which overarching protocol this agreement sits under: the protocols it refers to lead round in a circle.',
      },
    },
    examples: {
      valid: [
        {
          title: 'an agreement that names its protocol but writes every section out itself',
          agreement: yaml`
            dsalint: 1
            id: ISA-7
            title: Safeguarding referrals
            framework: { id: ISP-1, title: Example overarching information sharing protocol }
          `,
        },
      ],
      invalid: [
        {
          title: 'security and retention taken from a protocol that was not checked with it',
          agreement: yaml`
            dsalint: 1
            id: ISA-7
            title: Safeguarding referrals
            framework: { id: ISP-1, path: ../protocol/isp.dsa.yaml, inherits: [security, retention] }
          `,
          findings: [{ messageId: 'not-checked', at: 'framework.inherits' }],
        },
      ],
    },
  },
  check({ agreement: a, framework, report }) {
    const declared = a.framework;
    if (!declared) return;
    const sections = joinWords(sectionsNeedingParent(a).map((s) => lowerFirst(labelOf('inheritableSection', s))));
    const rules = rulesNeedingParent(a).join(', ');
    const path = declared.path ?? '';
    const at = declared.path !== undefined ? (['framework', 'path'] as const) : (['framework', 'id'] as const);
    if (framework?.status === 'loaded') return;
    const problem = framework?.problem ?? (declared.path === undefined ? 'no-path' : 'not-linted');
    switch (problem) {
      case 'not-relative':
      case 'not-found':
      case 'cycle':
        report({ messageId: problem, data: { path }, at });
        return;
      case 'id-mismatch':
        report({ messageId: 'id-mismatch', data: { id: declared.id, path, detail: framework?.detail ?? '' }, at: ['framework', 'id'] });
        return;
      case 'invalid':
        report({ messageId: 'invalid', data: { path, detail: framework?.detail ?? 'it is not a valid agreement', rules: rules || 'none' }, at });
        return;
      default: {
        // Nothing is lost when the agreement writes every section out itself.
        if (rules === '') return;
        const where = problem === 'no-path' ? 'but `framework.path` does not say where its file is' : `but "${path}" was not among the files checked`;
        report({ messageId: 'not-checked', data: { sections, id: declared.id, where, rules }, at: ['framework', 'inherits'] });
      }
    }
  },
});
