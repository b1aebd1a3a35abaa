/**
 * The commands behind the sign-off gate: `diff` (what changed in meaning), `digest` (the
 * content digest an approval records) and `approve` (record an approval with it). Each
 * reports its own errors and exit code through `io` and `setExit`.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { contentDigest } from '../core/digest.js';
import { diffAgainstBase, diffFiles, diffJson, diffMarkdown, diffText, readVersionFile, VersionError, type DiffReport } from '../core/diff-command.js';
import { GitError } from '../core/git.js';
import { addApproval, ApproveError } from '../core/approve.js';
import { isIsoDate } from '../core/config.js';

export interface GateIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

type Exit = (code: 0 | 1 | 2) => void;

/** Known, plain failures become a message and exit code 2; anything else is a bug and propagates. */
async function guarded(io: GateIo, setExit: Exit, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof VersionError || error instanceof GitError || error instanceof ApproveError) {
      io.stderr(`dsalint: ${error.message}\n`);
      setExit(2);
      return;
    }
    throw error;
  }
}

const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

export function registerGateCommands(program: Command, io: GateIo, setExit: Exit): void {
  program
    .command('diff')
    .description('List what changed in meaning between two versions of an agreement: what widens the sharing, what narrows it, what is only wording.')
    .argument('[files...]', 'OLD NEW, two versions of one agreement; with --base, the files or folders to compare (default: all)')
    .option('--base <ref>', 'compare every agreement that changed since this git branch, tag or commit with its version there')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...DIFF_FORMATS]).default('text'))
    .action(async (files: string[], opts: { base?: string; format: DiffFormat }) =>
      guarded(io, setExit, async () => {
        let report: DiffReport;
        if (opts.base !== undefined) {
          report = await diffAgainstBase(io.cwd, opts.base, files);
        } else {
          if (files.length !== 2) {
            io.stderr('dsalint: diff needs two files, OLD and NEW (or --base <ref> to compare with a git branch or commit).\n');
            setExit(2);
            return;
          }
          report = await diffFiles(io.cwd, files[0]!, files[1]!);
        }
        io.stdout(opts.format === 'json' ? diffJson(report) : opts.format === 'markdown' ? diffMarkdown(report) : diffText(report));
        for (const problem of report.problems) io.stderr(`dsalint: ${problem}\n`);
        // Like lint: 1 when something widens the sharing, so a workflow can gate on it.
        const widens = report.files.some((f) => f.changes.some((c) => c.class === 'broadening'));
        setExit(report.problems.length > 0 ? 2 : widens ? 1 : 0);
      }),
    );

  program
    .command('digest')
    .description('Print the content digest of agreements: what an approval records, so that it covers exactly this content.')
    .argument('<files...>', 'agreement files')
    .action(async (files: string[]) =>
      guarded(io, setExit, async () => {
        for (const file of files) {
          const version = await readVersionFile(io.cwd, file);
          io.stdout(`${contentDigest(version.data)}  ${version.label}\n`);
        }
      }),
    );

  program
    .command('approve')
    .description('Record an approval of the agreement as it now stands, with its content digest. Shows the entry; writes the file only with --write.')
    .argument('<file>', 'the agreement')
    .requiredOption('--party <id>', 'the party the signatory acts for (its id)')
    .requiredOption('--role <role>', 'caldicott_guardian, dpo, siro or another sign-off role')
    .requiredOption('--name <name>', 'the signatory\'s name')
    .requiredOption('--date <date>', 'when they signed (YYYY-MM-DD)')
    .option('--approved-version <version>', 'the version they approved (default: the agreement\'s version)')
    .option('--write', 'add the approval to the file (comments and layout are kept)', false)
    .action(async (file: string, opts: { party: string; role: string; name: string; date: string; approvedVersion?: string; write: boolean }) =>
      guarded(io, setExit, async () => {
        if (!isIsoDate(opts.date)) throw new ApproveError(`--date must be a date written YYYY-MM-DD, such as 2026-04-01, not "${opts.date}".`);
        const version = await readVersionFile(io.cwd, file);
        const result = addApproval(version.source, {
          party: opts.party,
          role: opts.role,
          name: opts.name,
          date: opts.date,
          ...(opts.approvedVersion !== undefined ? { version: opts.approvedVersion } : {}),
        });
        if (!opts.write) {
          io.stdout(`${result.entry}\n`);
          io.stderr(`This approval would be added to ${version.label} at line ${result.line}. Nothing was written: run again with --write to add it.\n`);
          return;
        }
        await writeFile(resolve(io.cwd, file), result.text);
        io.stderr(`Added the approval to ${version.label} at line ${result.line} (digest ${result.digest.slice(0, 12)}…).\n`);
      }),
    );
}
