/**
 * The commented `.dsalint.yaml` that `dsalint init --config` writes: every key, with what it
 * does, set to what dsalint does without a config, so it can be edited rather than looked up.
 */
import { CONFIG_SCHEMA_ID } from './config-schema.js';

export function starterConfig(): string {
  return `# yaml-language-server: $schema=${CONFIG_SCHEMA_ID}
# dsalint configuration. It applies to the agreements in this folder and the folders below it;
# a .dsalint.yaml in a sub-folder adds to it. Run \`dsalint print-config <agreement>\` to see
# what applies to one agreement, and \`dsalint rules\` for the rule ids.

# Stop here: do not add the settings of any .dsalint.yaml in the folders above.
root: true

# What to start from: recommended (what every agreement should pass), or strict (adds
# advisory rules). A config file (./shared/base.dsalint.yaml) or an npm package also works.
extends: recommended

# Judge dates (reviews, expiry, approvals) as of this day instead of today, so results do
# not change from one day to the next. --as-of on the command line wins.
# as_of: 2026-04-01

# Agreements larger than this are not read (reported as not checked).
max_file_size: 5MiB

# Files and folders not to lint, relative to this folder (as are .gitignore and .dsalintignore).
ignore:
  - "archive/**"

# Change a rule's severity (error, warning, info or off) or its options (see dsalint explain <rule>).
rules: {}
#  review-date-missing-or-overdue: warning
#  breach-notification-window:
#    options: { max_hours: 48 }

# Settings for some files only; later entries win.
overrides: []
#  - files: ["drafts/**"]
#    rules: { caldicott-signoff-missing: "off" }

# Risks accepted on the record: the finding is still reported, marked waived, with the reason.
waivers: []
#  - rule: dpia-missing-or-stale
#    files: ["agreements/ambulance-handover.dsa.yaml"]
#    at: dpia
#    reason: DPIA refresh booked for the January IG board; the change is a new contact address only.
#    approved_by: J Smith, Data Protection Officer
#    expires: 2027-01-31
`;
}
