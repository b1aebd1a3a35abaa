import { lintText } from '/work/wt/i13/tests/helpers/lint.ts';
const head = 'dsalint: 1\nid: EX-1\ntitle: T\n';
const cases: Record<string, string> = {
  unknownKeys: head + Array.from({ length: 100000 }, (_, i) => `k${i}: 1\n`).join(''),
  customTags: head + 'x:\n' + Array.from({ length: 100000 }, (_, i) => `  - !t${i} 1\n`).join(''),
  waivers: head + 'x:\n' + Array.from({ length: 50000 }, (_, i) => `  # dsalint-disable-next-line schema -- r\n  - ${i}\n`).join(''),
  prose: '---\n' + head + '---\n' + 'The data will be used for any other purpose and shared with anyone. '.repeat(3000) + '\n',
};
for (const [name, text] of Object.entries(cases)) {
  if (process.argv[2] && process.argv[2] !== name) continue;
  const t = performance.now();
  const o = await lintText(text, { markdown: name === 'prose' });
  console.log(name, text.length, Math.round(performance.now() - t), 'ms', o.findings.length, o.failure?.message ?? '');
}
