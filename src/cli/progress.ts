/**
 * The progress line on a long run: files done out of the total and the time so far, on
 * stderr and only when stderr is a terminal, redrawn in place and cleared at the end.
 */

/** Runs shorter than this show nothing. */
const QUIET_FOR_MS = 1000;
/** Redraw at most this often. */
const REDRAW_MS = 100;

export interface ProgressLine {
  readonly update: (done: number, total: number) => void;
  readonly clear: () => void;
}

export function progressLine(write: (text: string) => void, now: () => number = () => performance.now()): ProgressLine {
  const started = now();
  let drawnAt: number | undefined;
  return {
    update(done, total) {
      const t = now();
      if (t - started < QUIET_FOR_MS || (drawnAt !== undefined && t - drawnAt < REDRAW_MS && done < total)) return;
      drawnAt = t;
      write(`\r\u001b[2Kdsalint: ${done}/${total} files checked, ${Math.round((t - started) / 1000)} s`);
    },
    clear() {
      if (drawnAt !== undefined) write('\r\u001b[2K');
    },
  };
}
