/**
 * Rules cite primary sources only: the legislation itself, the regulator, government and NHS
 * England pages, standards bodies. Never a mirror, a trust's or practice's website, a law firm,
 * or a document-sharing site. A new host must be added here on purpose, after checking it is
 * the publisher's own site.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';

const PRIMARY_HOSTS = new Set([
  'www.legislation.gov.uk',
  'legislation.gov.uk',
  'ico.org.uk',
  'cy.ico.org.uk',
  'www.gov.uk',
  'www.nhs.uk',
  'www.england.nhs.uk',
  'england.nhs.uk',
  'transform.england.nhs.uk',
  'digital.nhs.uk',
  'www.dsptoolkit.nhs.uk',
  'www.hra.nhs.uk',
  'standards.nhs.uk',
  'digitalregulations.innovation.nhs.uk',
  'cqc.org.uk',
  'www.hfea.gov.uk',
  'www.ukcgc.uk',
  'yaml.org',
  'www.unicode.org',
  'nvd.nist.gov',
  'json-schema.org',
]);

describe('rule citations', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s cites only primary sources', (_id, rule) => {
    for (const citation of rule.meta.citations) {
      if (citation.url === undefined) continue;
      expect(PRIMARY_HOSTS, `${citation.url} (${citation.instrument})`).toContain(new URL(citation.url).host);
    }
  });
});
