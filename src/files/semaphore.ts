/**
 * At most `limit` pieces of work at a time; the rest wait their turn in arrival order. Used to
 * bound work whose memory grows with its input (parsing workbooks), so a burst of uploads
 * queues instead of running the process out of memory.
 */
export class Semaphore {
  #active = 0;
  #peak = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new RangeError(`a semaphore needs a limit of 1 or more, got ${limit}`);
  }

  /** How many run now. */
  get active(): number {
    return this.#active;
  }

  /** The most that ever ran at once since the last `resetPeak` (for tests and metrics). */
  get peak(): number {
    return this.#peak;
  }

  resetPeak(): void {
    this.#peak = this.#active;
  }

  /** Runs `work` when a place is free, and frees it when `work` settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await work();
    } finally {
      this.#release();
    }
  }

  async #acquire(): Promise<void> {
    if (this.#active < this.limit) {
      this.#active++;
    } else {
      // The releaser hands its place over, so `active` does not change.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    this.#peak = Math.max(this.#peak, this.#active);
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
}
