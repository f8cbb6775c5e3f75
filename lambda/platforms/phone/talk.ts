import type { AppMessage } from './relay-messages';

/**
 * One talk of the assistant on its way to the relay, token by token. The first token goes at
 * once; before each next one the event loop turns, so an `interrupt` the relay sent meanwhile is
 * seen, and once the caller has spoken over the talk the rest of it is not sent: the relay would
 * only drop it.
 */
export class Talk {
  private cut = false;

  /** The caller spoke over this talk. */
  interrupt(): void {
    this.cut = true;
  }

  get interrupted(): boolean {
    return this.cut;
  }

  /** Sends the tokens, the last one marked `last`, until the talk is interrupted; whether all of them went. */
  async send(tokens: readonly string[], send: (message: AppMessage) => void): Promise<boolean> {
    for (const [index, token] of tokens.entries()) {
      if (index > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.cut) return false;
      send({ type: 'text', token, last: index === tokens.length - 1 });
    }
    return true;
  }
}
