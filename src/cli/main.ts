#!/usr/bin/env node
/**
 * The `dsalint` command. `main` takes its arguments and streams explicitly, so tests run it
 * in-process; the bin wrapper at the bottom is the only place that touches `process`.
 *
 * Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config
 * or I/O error (including a file that could not be linted). People's messages go to stderr,
 * reports to stdout or --output.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { writeFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReport } from './write-report.js';
import { describeIoError } from '../core/source.js';
import { realpathSync } from 'node:fs';
import { RULES } from '../../rules/index.js';
import { FORMATS, TERMINAL_FORMATS, type Format } from '../reporters/index.js';
import { executeLint } from '../core/lint-command.js';
import { CONFIG_FILE_NAMES, ConfigError, describeEffectiveConfig, isIsoDate } from '../core/config.js';
import { starterConfig } from '../core/starter-config.js';
import { DEFAULT_CACHE_FILE } from '../core/cache.js';
import { configForFile, countFindings, runLint, today, type FailOn } from '../core/run.js';
import { plural } from '../reporters/shared.js';
import { outputWidth, wantsColor, wrapLines } from './terminal.js';

/** Text (stylish, explain, summary) wraps to COLUMNS, the terminal, or 80 columns when not a terminal. */
function textWidth(io: CliIo): number {
  return outputWidth(io.env, io.stdoutIsTTY, io.columns);
}
import { logLine, summariseAgreement, wrapText } from '../core/summary.js';
import type { Agreement } from '../generated/agreement.js';
import { ruleHelpText } from '../core/rule-docs.js';
import { buildAgreementSchema } from '../schema/build-schema.js';
import { buildConfigSchema } from '../core/config-schema.js';
import { starterAgreement } from '../core/starter.js';
import { suggest } from '../core/suggest.js';
import { VERSION } from '../generated/version.js';
import { REGISTER_FORMATS, registerCommand, type RegisterFormat } from '../register/command.js';
import { progressLine } from './progress.js';
import { serveLintWorkerIfAsked, useLintWorkerScript } from '../core/pool.js';
import { ImportError } from '../import/errors.js';

// This file is also the lint workers' script: in a worker it serves lint tasks and nothing else.
const isLintWorker = serveLintWorkerIfAsked();
if (!isLintWorker) useLintWorkerScript(import.meta.url);
import { registerGateCommands } from './gate-commands.js';
import { GitError } from '../core/git.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour by default). */
  readonly stdoutIsTTY: boolean;
  /** The terminal's width, when stdout is a terminal. */
  readonly columns?: number;
  /** Whether stderr is a terminal (a progress line on long runs). */
  readonly stderrIsTTY?: boolean;
  /** Reads all of standard input, for `lint --stdin`. */
  readonly readStdin?: () => Promise<Uint8Array>;
}

/** What reports call standard input when --stdin-filename does not name it. */
const STDIN_NAME = '<stdin>.dsa.yaml';
/** The reviewer's report as a Word letter: a lint format of the command line only (it is binary, written with -o). */
const REVIEW_DOCX = 'review-docx';

class ExitError extends Error {
  constructor(readonly code: 0 | 1 | 2, message: string) {
    super(message);
  }
}

function parseDateOption(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('must be a date written YYYY-MM-DD, such as 2026-04-01.');
  return value;
}

function parseWindow(value: string): string {
  if (!/^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/.test(value)) throw new InvalidArgumentError('must be an ISO 8601 duration in years, months, weeks or days, such as P90D or P6M.');
  return value;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number, 0 or more.');
  return Number(value);
}

function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number, 1 or more (1 lints without worker threads).');
  return Number(value);
}

async function writeOutput(io: CliIo, file: string | undefined, text: string, force: boolean): Promise<void> {
  if (!file) {
    io.stdout(text);
    return;
  }
  const target = resolve(io.cwd, file);
  const exists = await stat(target).then(() => true, () => false);
  if (exists && !force) throw new ExitError(2, `${file} already exists; dsalint does not overwrite files unless you add --force.`);
  try {
    await writeFile(target, text);
  } catch (error) {
    throw new ExitError(2, `could not write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

/** A report written to a file is coloured only when `--color` asks for it. */
function useColor(io: CliIo, flag: boolean | undefined, toFile: boolean): boolean {
  return toFile ? flag === true : wantsColor(flag, io.env, io.stdoutIsTTY);
}

export function buildProgram(io: CliIo, setExit: (code: 0 | 1 | 2) => void): Command {
  const program = new Command();
  program
    .name('dsalint')
    .description('Lint data sharing agreements for UK health and care.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run dsalint --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('lint')
    .description('Check agreements (*.dsa.yaml, *.dsa.yml, *.dsa.md) and report findings.')
    .argument('[paths...]', 'files or folders to lint', [])
    .addOption(new Option('-f, --format <format>', 'report format (review-docx: the reviewer\'s report as a Word letter, written with -o)').choices([...FORMATS, REVIEW_DOCX]).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--force', 'let --output replace a file named like an agreement (or, for review-docx, any existing file)', false)
    .addOption(new Option('--fail-on <level>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'warn', 'info', 'never']).default('error'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('-q, --quiet', 'report and count errors only', false)
    .option('--color', 'colour the report even when not writing to a terminal')
    .option('--no-color', 'no colour in the report')
    .option('--ignore-pattern <pattern>', 'also leave out files matching this gitignore-style pattern (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--no-ignore', 'lint everything found: no .gitignore, .dsalintignore, --ignore-pattern or config ignore')
    .option('--cache', 'reuse the results of files unchanged since the last run (kept in .dsalintcache)', false)
    .option('--cache-location <file>', 'where --cache keeps results (default .dsalintcache)')
    .option('--stdin', 'lint the agreement read from standard input (or give - as the path)', false)
    .option('--stdin-filename <name>', 'the file name standard input stands for: its kind (.dsa.yaml or .dsa.md), config and report path')
    .option('--as-of <date>', 'judge dates as of this day (YYYY-MM-DD) instead of today', parseDateOption)
    .option('-c, --config <file>', 'use this config file for every agreement instead of finding .dsalint.yaml')
    .option('-j, --jobs <n>', 'worker threads to lint with (default: one per core; 1 for none)', parseJobs)
    .option('--base <ref>', 'lint only the agreements changed since this git branch, tag or commit, comparing each with its version there')
    .action(async (paths: string[], opts: { format: Format | typeof REVIEW_DOCX; output?: string; force: boolean; failOn: FailOn | 'warn'; maxWarnings?: number; quiet: boolean; color?: boolean; asOf?: string; config?: string; jobs?: number; stdin: boolean; stdinFilename?: string; ignorePattern?: string[]; ignore: boolean; cache: boolean; cacheLocation?: string; base?: string }) => {
      const letter = opts.format === REVIEW_DOCX;
      // A Word letter is binary: it goes to a file, and (it may sit beside the document it reviews) never replaces one without --force.
      if (letter && !opts.output) throw new ExitError(2, '--format review-docx writes a Word document: say where with -o, such as -o review.docx.');
      if (letter && !opts.force && (await stat(resolve(io.cwd, opts.output!)).then(() => true, () => false))) {
        throw new ExitError(2, `${opts.output} already exists; dsalint does not overwrite files unless you add --force.`);
      }
      const format: Format = letter ? 'review' : (opts.format as Format);
      const fromStdin = opts.stdin || paths.includes('-');
      if (fromStdin && paths.some((p) => p !== '-')) throw new ExitError(2, 'give either paths or standard input (--stdin or -), not both.');
      if (opts.stdinFilename && !fromStdin) throw new ExitError(2, '--stdin-filename names standard input; add --stdin (or give - as the path).');
      if (fromStdin && !io.readStdin) throw new ExitError(2, 'standard input cannot be read here.');
      const stdin = fromStdin ? { bytes: await io.readStdin!(), filename: opts.stdinFilename ?? STDIN_NAME } : undefined;
      const failOn: FailOn = opts.failOn === 'warn' ? 'warning' : opts.failOn;
      const progress = io.stderrIsTTY ? progressLine(io.stderr) : undefined;
      const result = await executeLint({
        paths: fromStdin ? [] : paths,
        ...(stdin ? { stdin } : {}),
        ignore: opts.ignore,
        ...(opts.cache || opts.cacheLocation ? { cache: opts.cacheLocation ?? DEFAULT_CACHE_FILE } : {}),
        ...(opts.ignorePattern ? { ignorePatterns: opts.ignorePattern } : {}),
        cwd: io.cwd,
        ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
        ...(progress ? { onProgress: progress.update } : {}),
        ...(opts.base !== undefined ? { base: opts.base } : {}),
        ...(opts.config ? { configPath: opts.config } : {}),
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        format,
        failOn,
        ...(opts.maxWarnings !== undefined ? { maxWarnings: opts.maxWarnings } : {}),
        quiet: opts.quiet,
        color: TERMINAL_FORMATS.has(format) && useColor(io, opts.color, Boolean(opts.output)),
        // A report written with -o is not a terminal: it wraps at COLUMNS or 80, like piped output.
        width: opts.output ? outputWidth(io.env, false, undefined) : textWidth(io),
      });
      progress?.clear();
      for (const deleted of result.run.base?.deleted ?? []) io.stderr(`dsalint: ${deleted} was deleted since ${opts.base}; the sharing it allowed ends, so there is nothing to lint.\n`);
      if (result.agreements === 0 && result.run.base) {
        io.stderr(`dsalint: no agreement in ${paths.length ? paths.join(', ') : '.'} changed since ${result.run.base.ref}; nothing to lint.\n`);
        setExit(0);
        return;
      }
      if (result.agreements === 0) {
        throw new ExitError(2, `no agreement files found in ${paths.length ? paths.join(', ') : '.'} (looking for *.dsa.yaml, *.dsa.yml and *.dsa.md; node_modules and .git are skipped).`);
      }
      if (opts.output) {
        const report = letter ? await (await import('../reviewer/docx.js')).reviewDocx(result.run) : result.reportChunks();
        await writeReport(resolve(io.cwd, opts.output), report, opts.force).catch((error: NodeJS.ErrnoException) => {
          throw new ExitError(2, `could not write ${opts.output}: ${error.code ? describeIoError(error) : error.message}.`);
        });
      } else for (const chunk of result.reportChunks()) io.stdout(chunk);
      for (const file of result.run.files) {
        if (file.failure && format !== 'stylish') io.stderr(`dsalint: ${logLine(file.failure.message)}\n`);
      }
      if (opts.maxWarnings !== undefined && !opts.quiet) {
        const warnings = countFindings(result.run).warning;
        if (warnings > opts.maxWarnings) {
          io.stderr(`dsalint: ${plural(warnings, 'warning')} found, more than the ${opts.maxWarnings} that --max-warnings allows, so the exit code is 1.\n`);
        }
      }
      setExit(result.exitCode);
    });

  program
    .command('rules')
    .description('List every rule with its default severity and presets.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((opts: { format: 'table' | 'json' }) => {
      if (opts.format === 'json') {
        const rows = RULES.map((r) => ({ id: r.id, title: r.meta.title, severity: r.meta.severity, kind: r.meta.kind ?? 'problem', presets: r.meta.presets, tags: r.meta.tags }));
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const idWidth = Math.max(...RULES.map((r) => r.id.length));
      const lines = RULES.map((r) => {
        const presets = r.meta.presets.includes('recommended') ? 'recommended' : 'strict';
        const severity = r.meta.kind === 'review' ? 'review' : r.meta.severity;
        return `${r.id.padEnd(idWidth)}  ${severity.padEnd(8)}  ${presets.padEnd(11)}  ${r.meta.title}`;
      });
      io.stdout(`${'RULE'.padEnd(idWidth)}  ${'SEVERITY'.padEnd(8)}  ${'PRESET'.padEnd(11)}  TITLE\n${lines.join('\n')}\n\n${RULES.length} rules. "strict" adds the advisory rules to "recommended". Run dsalint explain <rule> for details.\n`);
    });

  program
    .command('explain')
    .description('Explain a rule: why it matters, how to fix it, and the law or guidance behind it.')
    .argument('<rule>', 'rule id')
    .action((id: string) => {
      const rule = RULES.find((r) => r.id === id);
      if (!rule) {
        const guess = suggest(id, RULES.map((r) => r.id));
        throw new ExitError(2, `there is no rule "${id}".${guess ? ` Did you mean "${guess}"?` : ''} Run dsalint rules for the list.`);
      }
      io.stdout(`${wrapLines(ruleHelpText(rule), textWidth(io))}\n`);
    });

  program
    .command('init')
    .description('Write a commented starter agreement, or with --config a commented .dsalint.yaml.')
    .argument('[file]', 'where to write it (default agreement.dsa.yaml, or .dsalint.yaml with --config)')
    .option('--config', 'write a commented configuration file instead of an agreement', false)
    .option('--force', 'overwrite the file if it exists', false)
    .action(async (file: string | undefined, opts: { config: boolean; force: boolean }) => {
      // A config file name means a config, whether or not --config was given.
      const config = opts.config || (file !== undefined && (CONFIG_FILE_NAMES as readonly string[]).includes(basename(file)));
      const target = file ?? (config ? CONFIG_FILE_NAMES[0] : 'agreement.dsa.yaml');
      await writeOutput(io, target, config ? starterConfig() : starterAgreement(today()), opts.force);
      io.stderr(config ? `Wrote ${target}. It applies to the agreements in its folder and below; see what applies with: dsalint print-config <agreement>\n` : `Wrote ${target}. Edit it, then run: dsalint lint ${target}\n`);
    });

  program
    .command('import')
    .description('Turn a Word, PDF, OpenDocument, text or Markdown document into a .dsa.md agreement: its text, with a draft of the facts read from it.')
    .argument('<file>', 'the document (.docx, .pdf, .odt, .txt or .md)')
    .option('-o, --output <file>', 'where to write it (default: the document\'s name ending .dsa.md)')
    .option('--force', 'overwrite the output file if it exists', false)
    .action(async (file: string, opts: { output?: string; force: boolean }) => {
      const { runImportCommand } = await import('../import/command.js');
      io.stderr(await runImportCommand(file, opts, io.cwd));
    });

  program
    .command('page')
    .description('Write the offline page: one HTML file that checks an agreement in the browser (drop in a .docx, .dsa.yaml or .dsa.md) and shows the reviewer\'s report.')
    .option('-o, --output <file>', 'where to write it', 'dsalint.html')
    .option('--force', 'overwrite the file if it exists', false)
    .action(async (opts: { output: string; force: boolean }) => {
      const { runPageCommand } = await import('../page/command.js');
      io.stderr(await runPageCommand(opts.output, opts.force, io.cwd));
    });

  program
    .command('render')
    .description('Write an agreement as a readable document (Markdown or HTML), in the section order of the NHS England data sharing agreement template.')
    .argument('<file>', 'an agreement file')
    .addOption(new Option('-f, --format <format>', 'document format').choices(['markdown', 'html']).default('markdown'))
    .option('-o, --output <file>', 'write it to a file instead of stdout')
    .option('--force', 'overwrite the --output file if it exists', false)
    .option('-c, --config <file>', 'use this config file instead of finding .dsalint.yaml')
    .action(async (file: string, opts: { format: 'markdown' | 'html'; output?: string; force: boolean; config?: string }) => {
      const run = await runLint({ paths: [file], cwd: io.cwd, ...(opts.config ? { configPath: opts.config } : {}) });
      const [result] = run.files.filter((f) => !f.config);
      if (!result) throw new ExitError(2, `no agreement file found at ${file}.`);
      if (result.failure) throw new ExitError(2, result.failure.message);
      if (!result.agreement) throw new ExitError(1, `${result.path} does not follow the dsalint format yet, so it cannot be rendered. Run dsalint lint ${result.path} to see what to fix.`);
      const { renderHtml, renderMarkdown } = await import('../render/index.js');
      const agreement = result.agreement as Record<string, unknown>;
      await writeOutput(io, opts.output, opts.format === 'html' ? renderHtml(agreement) : renderMarkdown(agreement), opts.force);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of the agreement format (or of .dsalint.yaml with --config).')
    .option('--config', 'print the config file schema instead', false)
    .action((opts: { config: boolean }) => {
      io.stdout(`${JSON.stringify(opts.config ? buildConfigSchema(RULES) : buildAgreementSchema(), null, 2)}\n`);
    });

  program
    .command('summary')
    .description('Say in plain English what an agreement allows: who sends what about whom, why, on what legal basis, kept for how long.')
    .argument('<file>', 'an agreement file (or a folder of them)')
    .option('-c, --config <file>', 'use this config file instead of finding .dsalint.yaml')
    .option('--as-of <date>', 'judge dates as of this day (YYYY-MM-DD) instead of today', parseDateOption)
    .action(async (file: string, opts: { config?: string; asOf?: string }) => {
      const run = await runLint({ paths: [file], cwd: io.cwd, ...(opts.config ? { configPath: opts.config } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) });
      const agreements = run.files.filter((f) => !f.config && !f.folder);
      if (agreements.length === 0) throw new ExitError(2, `no agreement files found in ${file} (looking for *.dsa.yaml, *.dsa.yml and *.dsa.md).`);
      const blocks: string[] = [];
      let code: 0 | 1 | 2 = 0;
      for (const result of agreements) {
        if (result.failure) {
          io.stderr(`dsalint: ${logLine(result.failure.message)}\n`);
          code = 2;
          continue;
        }
        if (!result.agreement) {
          io.stderr(`dsalint: ${logLine(result.path)} does not follow the dsalint format yet, so it cannot be summarised. Run dsalint lint ${result.path} to see what to fix.\n`);
          if (code === 0) code = 1;
          continue;
        }
        const s = summariseAgreement(result.agreement as Agreement);
        const width = textWidth(io);
        const lines = [s.title, '='.repeat(Math.min(s.title.length, width)), `File: ${result.path}`, '', wrapText(s.overview, width), ''];
        for (const flow of s.flows) lines.push(wrapText(flow, width - 2).replace(/^/gm, '  ').replace(/^  /, '- '), '');
        lines.push(wrapText(s.signOff, width), '', (await import('../reviewer/summary.js')).problemsSummary(run, result, width));
        blocks.push(lines.join('\n'));
      }
      if (blocks.length) io.stdout(`${blocks.join('\n\n')}\n`);
      setExit(code);
    });

  program
    .command('register')
    .description('Write the register of agreements (CSV, a self-contained HTML page with a flow map, or JSON-LD in the W3C Data Privacy Vocabulary).')
    .argument('[paths...]', 'files or folders of agreements', [])
    .addOption(new Option('-f, --format <format>', 'register format').choices([...REGISTER_FORMATS]).default('html'))
    .option('-o, --output <file>', 'write the register to a file instead of stdout')
    .option('--force', 'overwrite the --output file if it exists', false)
    .option('--as-of <date>', 'judge dates as of this day (YYYY-MM-DD) instead of today', parseDateOption)
    .option('--window <duration>', 'how far ahead "coming up" looks, as an ISO 8601 duration', parseWindow, 'P90D')
    .option('-c, --config <file>', 'use this config file for every agreement instead of finding .dsalint.yaml')
    .action(async (paths: string[], opts: { format: RegisterFormat; output?: string; force: boolean; asOf?: string; window: string; config?: string }) => {
      const result = await registerCommand({ paths, cwd: io.cwd, format: opts.format, window: opts.window, ...(opts.config ? { configPath: opts.config } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) });
      if (result.files === 0) throw new ExitError(2, `no agreement files found in ${paths.length ? paths.join(', ') : '.'} (looking for *.dsa.yaml, *.dsa.yml and *.dsa.md).`);
      await writeOutput(io, opts.output, result.text, opts.force);
      for (const file of result.run.files) {
        if (file.failure) io.stderr(`dsalint: ${file.failure.message}\n`);
        else if (!file.record && !file.config) io.stderr(`dsalint: ${file.path} is left out of the register: it does not match the format (run dsalint lint ${file.path}).\n`);
      }
      setExit(result.run.files.some((f) => f.failure) ? 2 : 0);
    });

  program
    .command('print-config')
    .description('Show the configuration that applies to a file.')
    .argument('<file>', 'an agreement file')
    .option('-c, --config <file>', 'use this config file instead of finding .dsalint.yaml')
    .option('--as-of <date>', 'the date to show as the judging date', parseDateOption)
    .action(async (file: string, opts: { config?: string; asOf?: string }) => {
      const absolute = resolve(io.cwd, file);
      const config = await configForFile(absolute, io.cwd, opts.config);
      const effective = describeEffectiveConfig(config, RULES, absolute, opts.asOf ?? config.asOf ?? today());
      io.stdout(`${JSON.stringify(effective, null, 2)}\n`);
    });

  registerGateCommands(program, io, setExit);
  return program;
}

/** Run the CLI; resolves to the exit code. Never throws for user errors. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: 0 | 1 | 2 = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; usage errors are our exit code 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ImportError) {
      io.stderr(`dsalint: ${logLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof ExitError) {
      io.stderr(`dsalint: ${logLine(error.message)}\n`);
      return error.code;
    }
    if (error instanceof GitError) {
      io.stderr(`dsalint: ${logLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr(`dsalint: invalid config: ${logLine(error.format())}\n`);
      return 2;
    }
    io.stderr(`dsalint: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (!isLintWorker && isEntryPoint()) {
  // A reader that stops early (`dsalint lint | head`) closes the pipe: that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  void main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  }).then((code) => {
    process.exitCode = code;
  });
}
