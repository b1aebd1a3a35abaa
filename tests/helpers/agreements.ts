/**
 * Agreements the tests of the checks across agreements share.
 */

/** The motivating case: one agreement id in two files, kept 8 years in one and 2 in the other. */
export const SHARING = (retention: string, extra = ''): string => `dsalint: 1
id: RIV-SG-2026-007
title: Safeguarding enquiries
version: 2.0.0
status: active
parties:
  - { id: gp, name: Riverside Medical Practice, ods_code: Y01234 }
  - { id: team, name: Riverside ICB Safeguarding Team }
purposes:
  - id: enquiry
    category: safeguarding
    lawful_basis: { article_6: e_public_task, article_9: g_substantial_public_interest, common_law: overriding_public_interest }
population: { scope: per_case }
data:
  - { id: report, categories: [safeguarding] }
flows:
  - { id: to-team, from: gp, to: team, data: [report], purposes: [enquiry], access: { mode: per_request } }
retention:
  - { party: team, data: [report], period: ${retention} }
${extra}`;
