/**
 * Bounds on what one file can cost a run and a report. The caps on findings are options of
 * the `limit-reached` rule, which also carries the notices saying what was held back.
 */
export const LIMIT_RULE_ID = 'limit-reached';

export interface FindingLimits {
  readonly max_findings_per_rule: number;
  readonly max_findings_per_file: number;
}

export const DEFAULT_FINDING_LIMITS: FindingLimits = { max_findings_per_rule: 200, max_findings_per_file: 500 };
