import { runLint } from '../src/core/run.ts';
import { agreementsProject, fixtureText, BAD_PATH, AS_OF } from '../tests/reporters/fixtures/project.ts';
const original = fixtureText('icb-whole-system.dsa.yaml');
const edited = original.replace('dsalint: 1\n', '# Reviewed.\n\ndsalint: 1\n').replace('flows:\n', 'flows:\n  - id: letters\n    from: icb\n    to: surgery\n    data: [record]\n    purposes: [phm]\n    access: { mode: per_request, trigger: per_case }\n    transfer: { method: nhsmail, encrypted: true }\n');
for (const t of [original, edited]) {
  const dir = await agreementsProject({ [BAD_PATH]: t });
  const run = await runLint({ paths: [BAD_PATH], cwd: dir, asOf: AS_OF });
  for (const f of run.files[0]!.findings) console.log(f.ruleId, f.location.path, f.location.range.start.line, f.fingerprint.slice(0,8));
  console.log('---');
}
