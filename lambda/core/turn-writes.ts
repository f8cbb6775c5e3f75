/**
 * What a turn writes about itself once its reply is ready (its line in the conversation log, its
 * turn event) runs beside the reply, never in front of it: a server answers at once. Every such
 * write is tracked until it settles, so that a Lambda function, whose container is frozen the
 * moment its handler returns, can let them finish first (`settle`); and a write that fails, or
 * does not settle in time, is reported, never lost without a word.
 */

/** A write of the turn's own that has not settled by then is reported as not confirmed. */
export const TURN_WRITE_TIMEOUT_MS = 10_000;

/** Who hears about a write that did not make it. Neither may throw; if one does, it is ignored. */
export interface TurnWriteReport {
  failed(error: unknown): void;
  /** It had not settled when it was given up on: it may or may not have been written. */
  notConfirmed(): void;
}

export interface TurnWrites {
  /** Runs `write` beside the reply. */
  start(write: () => Promise<unknown>, report: TurnWriteReport): void;
  /**
   * Resolves once every write started so far has settled, or after `withinMs`, whichever comes
   * first; those still running then are reported as not confirmed, and no longer waited for.
   */
  settle(withinMs: number): Promise<void>;
  /** Writes started and not yet settled. */
  readonly pending: number;
}

function quietly(report: () => void): void {
  try {
    report();
  } catch {
    // Reporting a lost write must not cost anything else.
  }
}

export function createTurnWrites(options: { readonly timeoutMs?: number } = {}): TurnWrites {
  const timeoutMs = options.timeoutMs ?? TURN_WRITE_TIMEOUT_MS;
  /** Each running write, with how to give up on it. */
  const running = new Map<Promise<void>, () => void>();

  return {
    start(write, report) {
      let settled = false;
      /** Marks the write settled, once; false when it already was (given up on, or done). */
      const finish = (): boolean => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        running.delete(tracked);
        return true;
      };
      const giveUp = () => {
        if (finish()) quietly(() => report.notConfirmed());
      };
      const tracked: Promise<void> = Promise.resolve()
        .then(write)
        .then(
          () => {
            finish();
          },
          (error: unknown) => {
            if (finish()) quietly(() => report.failed(error));
          },
        );
      running.set(tracked, giveUp);
      // Read by `finish` only once the write settles, by which time it is set.
      const timer = setTimeout(giveUp, timeoutMs);
      // A server with nothing else to do may exit; the write is then reported by `settle`, if anyone waits.
      timer.unref();
    },

    async settle(withinMs) {
      if (running.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, withinMs);
      });
      try {
        await Promise.race([Promise.all(running.keys()), deadline]);
      } finally {
        clearTimeout(timer);
      }
      for (const giveUp of [...running.values()]) giveUp();
    },

    get pending() {
      return running.size;
    },
  };
}

/**
 * A Lambda handler that lets the turn's own writes finish (up to `withinMs`) before it returns:
 * once it has, the container may be frozen, and a write still on its way with it.
 */
export function settlingTurnWrites<Event, Context, Result>(
  handler: (event: Event, context: Context) => Promise<Result>,
  writes: Pick<TurnWrites, 'settle'>,
  withinMs: number,
): (event: Event, context: Context) => Promise<Result> {
  return async (event, context) => {
    try {
      return await handler(event, context);
    } finally {
      await writes.settle(withinMs);
    }
  };
}
