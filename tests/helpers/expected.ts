/**
 * Where an example's expected finding is, as `L:C-L:C`: an agreement path is resolved the
 * way the engine resolves a rule's path (src/core/locate.ts), a piece of text the way
 * `rangeOf()` finds it, and a written range is taken as it is.
 */
import type { ExpectedFinding, RuleExample } from '../../src/core/rule.js';
import { sourceFromText } from '../../src/core/source.js';
import { parseYaml } from '../../src/core/parse.js';
import { AgreementLocator, parsePath } from '../../src/core/locate.js';
import { formatRange } from './lint.js';
import { rangeOf } from './text-range.js';

export async function expectedRange(example: RuleExample, finding: ExpectedFinding): Promise<string> {
  if ('range' in finding) return finding.range;
  if ('text' in finding) return rangeOf(example.agreement, finding.text, finding.occurrence ?? 1);
  const source = await sourceFromText(example.agreement, example.markdown ? 'example.dsa.md' : 'example.dsa.yaml');
  const parsed = parseYaml(source.yamlText);
  const locator = new AgreementLocator(parsed.document, source.yamlText, source.yamlOffset, source.locator);
  return formatRange(locator.rangeOfPath(parsePath(finding.at), finding.part));
}
