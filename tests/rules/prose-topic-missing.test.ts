import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../helpers/lint.js';

const RULE = 'prose-topic-missing';
const FRONT = '---\ndsalint: 1\nid: NS-DSA-014\ntitle: Example\nimported: { from: proposed.docx }\n---\n\n';
const ALL =
  '1.1 Records are retained for 8 years and then destroyed.\n\n1.2 Breaches are reported within 24 hours.\n\n1.3 The review date is 1 April 2027.\n\n' +
  "1.4 Either party may terminate this agreement on 3 months' notice.\n\n1.5 Patients may object to the sharing; see the privacy notice.\n\n" +
  '| Role | Name |\n| --- | --- |\n| Caldicott Guardian | Dr A Patel |\n| Data Protection Officer | B Jones |\n\n1.6 A DPIA was completed.\n';
const lint = (body: string, front = FRONT) => lintWithRule(RULE, `${front}${body}`, { markdown: true });
const AT = '5:1-5:9';

describe(RULE, () => {
  it('is quiet when the text addresses every topic (sign-off in a table counts)', async () => {
    expect(await lint(ALL)).toEqual([]);
  });

  it('reports every topic of an empty text once, at the import record', async () => {
    expect((await lint('# Agreement\n\nThe ICB receives summaries.\n')).sort()).toEqual(
      ['retention', 'breach', 'caldicott', 'dpo', 'dpia', 'review', 'termination', 'rights'].map((t) => `${t} ${AT}`).sort(),
    );
  });

  it.each([
    ['retention', '1.1 Records are retained for 8 years and then destroyed.', ['1.1 Data is deleted after use.', '1.1 Retention follows the Records Management Code.', '1.1 The ICB keeps extracts for 6 months.']],
    ['breach', '1.2 Breaches are reported within 24 hours.', ['1.2 Any security incident is reported to the practice.', '1.2 A breach of confidentiality is reported at once.']],
    ['review', '1.3 The review date is 1 April 2027.', ['1.3 The agreement is reviewed annually.', '1.3 There will be an annual review.']],
    ['termination', "1.4 Either party may terminate this agreement on 3 months' notice.", ['1.4 On termination the data is destroyed.', '1.4 A party may withdraw from this agreement in writing.']],
    ['rights', '1.5 Patients may object to the sharing; see the privacy notice.', ["1.5 Data subjects' rights are handled by each controller.", '1.5 Subject access requests go to the practice.', '1.5 Patients can opt out.']],
  ] as const)('%s: found when missing, silent for paraphrases and inflections', async (topic, sentence, paraphrases) => {
    expect(await lint(ALL.replace(sentence, '1.9 Nothing here.'))).toEqual([`${topic} ${AT}`]);
    for (const p of paraphrases) expect(await lint(ALL.replace(sentence, p))).toEqual([]);
  });

  it('does not count a mention the sentence denies', async () => {
    expect(await lint(ALL.replace('1.6 A DPIA was completed.', '1.6 No DPIA is needed for this sharing.'))).toEqual([`dpia ${AT}`]);
    expect(await lint(ALL.replace('| Caldicott Guardian | Dr A Patel |', '| Signed by | Dr A Patel |'))).toEqual([`caldicott ${AT}`]);
  });

  it('runs only on imported agreements', async () => {
    const front = '---\ndsalint: 1\nid: NS-DSA-014\ntitle: Example\n---\n\n';
    expect(await lint('# Agreement\n\nThe ICB receives summaries.\n', front)).toEqual([]);
  });
});
