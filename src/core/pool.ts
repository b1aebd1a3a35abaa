/**
 * A small pool of worker threads that lint whole files (src/core/lint-file.ts). Each entry
 * point (the CLI, the Action, the programmatic API) is also the worker's script: it calls
 * `serveLintWorkerIfAsked()` first and names itself with `useLintWorkerScript`, so the
 * esbuild bundles need no second file. Results come back per task; the run puts them in
 * input order, so output never depends on which worker finished first.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from './config.js';
import { lintFile, type FileOutcome, type FileTask } from './lint-file.js';

const WORKER_FLAG = 'dsalintLintWorker';

interface TaskMessage {
  readonly id: number;
  readonly task: FileTask;
  readonly configId: number;
  /** Sent the first time a worker sees this config. */
  readonly config?: Config;
}

type ReplyMessage = { readonly id: number; readonly outcome: FileOutcome } | { readonly id: number; readonly error: string };

let workerScript: URL | undefined;

/** Name the module a worker should load: the running entry point's own file. */
export function useLintWorkerScript(url: string | URL): void {
  workerScript = new URL(url);
}

export function lintWorkerScript(): URL | undefined {
  return workerScript;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * In a thread the pool started: serve lint tasks and return true, so the entry point does
 * nothing else. Anywhere else: false.
 */
export function serveLintWorkerIfAsked(): boolean {
  if (isMainThread || !parentPort || (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] !== true) return false;
  const port = parentPort;
  const configs = new Map<number, Config>();
  port.on('message', (message: TaskMessage) => {
    if (message.config) configs.set(message.configId, message.config);
    lintFile(message.task, configs.get(message.configId)!).then(
      (outcome) => port.postMessage({ id: message.id, outcome } satisfies ReplyMessage),
      (error: unknown) => port.postMessage({ id: message.id, error: (error as Error)?.stack ?? String(error) } satisfies ReplyMessage),
    );
  });
  return true;
}

/** A worker on the script; from TypeScript sources (tests, tsx) it registers tsx first. */
function startWorker(script: URL): Worker {
  // Explicit heap limits make V8 size each worker's heap to its work: a worker's garbage is
  // short-lived (one file at a time). A young generation of 8 MiB kept memory lowest but spent
  // 17% of each worker's time collecting garbage (1,000 files: 12.6 CPU s against 10.2 with
  // 16 MiB, for 19 MiB more at peak). 1 GiB of old space is ample for the largest agreement
  // dsalint reads (5 MiB by default).
  const options = { workerData: { [WORKER_FLAG]: true }, resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 } };
  if (!script.pathname.endsWith('.ts')) return new Worker(script, options);
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

interface Slot {
  readonly worker: Worker;
  /** Set when the worker has stopped (it crashed on a file): it gets no more tasks. */
  stopped: boolean;
  readonly configs: Set<number>;
  readonly pending: Map<number, { resolve: (o: FileOutcome) => void; reject: (e: Error) => void }>;
}

export class LintPool {
  private readonly slots: Slot[] = [];
  private readonly configIds = new Map<Config, number>();
  private nextId = 0;

  constructor(script: URL, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker(script);
      const slot: Slot = { worker, stopped: false, configs: new Set(), pending: new Map() };
      worker.on('message', (reply: ReplyMessage) => {
        const waiting = slot.pending.get(reply.id);
        if (!waiting) return;
        slot.pending.delete(reply.id);
        if ('outcome' in reply) waiting.resolve(reply.outcome);
        else waiting.reject(new Error(reply.error));
      });
      const failAll = (error: Error): void => {
        for (const waiting of slot.pending.values()) waiting.reject(error);
        slot.pending.clear();
      };
      worker.on('error', failAll);
      worker.on('exit', (code) => {
        slot.stopped = true;
        failAll(new Error(`a lint worker stopped unexpectedly (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  /** Lint one file on the least busy worker. */
  lint(task: FileTask, config: Config): Promise<FileOutcome> {
    let configId = this.configIds.get(config);
    if (configId === undefined) this.configIds.set(config, (configId = this.configIds.size));
    const running = this.slots.filter((s) => !s.stopped);
    if (running.length === 0) return Promise.reject(new Error('every lint worker has stopped'));
    const slot = running.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = this.nextId++;
    const message: TaskMessage = { id, task, configId, ...(slot.configs.has(configId) ? {} : { config }) };
    slot.configs.add(configId);
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
