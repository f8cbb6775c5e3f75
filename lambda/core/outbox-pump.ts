/**
 * Drains a queue of due items in passes, for the relays that deliver what the skill queued (handoff
 * tickets to a helpdesk, order notifications to Alexa): one pass at a time; a kick during a pass
 * runs another right after it, so nothing queued meanwhile waits for a retry; and after each pass
 * the next one is scheduled for when the queue says something is due.
 */
export interface OutboxPump<Pass> {
  /** Starts a pass in the background; later ones are scheduled by themselves. */
  kick(): void;
  /** One pass over what is due now; the pass already running, if there is one. */
  drain(): Promise<Pass>;
  /** Resolves once no pass is running (for shutdown and tests). */
  idle(): Promise<void>;
  /** Stops scheduling passes; what is queued stays queued for the next start. */
  close(): void;
}

export interface OutboxPumpOptions<Pass> {
  pass(): Promise<Pass>;
  /** Milliseconds until a pass is worth running again; undefined when nothing is queued. */
  nextPassInMs(): Promise<number | undefined>;
  /** Told when a pass started by a kick fails outright. Must not throw. */
  readonly onError?: (error: unknown) => void;
}

export function createOutboxPump<Pass>(options: OutboxPumpOptions<Pass>): OutboxPump<Pass> {
  let running: Promise<Pass> | undefined;
  let kickedWhileRunning = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  async function scheduleNext(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const wait = await options.nextPassInMs();
    if (closed || wait === undefined) return;
    timer = setTimeout(() => pump.kick(), Math.max(0, wait));
    // A pending retry never keeps the process alive by itself.
    timer.unref();
  }

  const pump: OutboxPump<Pass> = {
    kick() {
      if (closed) return;
      if (running) {
        kickedWhileRunning = true;
        return;
      }
      pump.drain().catch((error: unknown) => options.onError?.(error));
    },
    drain() {
      if (running) return running;
      running = (async () => {
        try {
          const result = await options.pass();
          await scheduleNext();
          return result;
        } finally {
          running = undefined;
          if (kickedWhileRunning) {
            kickedWhileRunning = false;
            pump.kick();
          }
        }
      })();
      return running;
    },
    async idle() {
      while (running) await running.catch(() => undefined);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
  return pump;
}
