/**
 * What each kind of document is checked for. Most rules apply to every kind; these do not
 * apply to some, because what they ask for is not part of that kind of document:
 *
 * - a template is published unexecuted with blanks for the parties: it is checked for
 *   completeness, never for signatures, DSPT status, a DPIA or dates that adopters fill in;
 * - an overarching protocol is signed by many organisations, each under its own governance,
 *   and records no per-signatory reviews;
 * - a processing agreement is a controller's instructions to its processor (UK GDPR Art 28):
 *   no data is disclosed to another controller, so no Caldicott Guardian decision to share;
 * - a data release, as a public register records it, is judged on what was released to whom
 *   and on what terms, not on the sign-off of the releasing body.
 */
import type { AgreementKind } from '../generated/agreement.js';

const SIGN_OFF = ['caldicott-signoff-missing', 'dpo-review-missing', 'party-without-signoff', 'amendment-without-fresh-signoff', 'approval-without-digest'];

export const RULES_NOT_FOR_KIND: Readonly<Record<AgreementKind, readonly string[]>> = {
  sharing_agreement: [],
  template: [...SIGN_OFF, 'dspt-status-insufficient', 'dpia-missing-or-stale', 'review-date-missing-or-overdue'],
  overarching_protocol: ['dpo-review-missing', 'party-without-signoff'],
  processing_agreement: ['caldicott-signoff-missing'],
  data_release: SIGN_OFF,
};
