// How fast one connection may send. A person typing quickly with a moving cursor sends a few dozen
// messages a second; beyond the allowance messages are held and merged (updates into one update,
// awareness into its latest state) and handled as the allowance refills, so nobody typing is ever
// cut off. Only a flood far beyond any typing speed, sustained, closes the connection.
export type RateLimit = {
  /** Messages a second handled as they come. */
  perSecond: number;
  /** Messages that may come at once after a quiet spell (a reconnect sends a few). */
  burst: number;
  /** Messages over the allowance within `windowMs` that close the connection. */
  floodMessages: number;
  windowMs: number;
};

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 60, burst: 300, floodMessages: 6000, windowMs: 10_000 };

export class TokenBucket {
  private tokens: number;
  private last: number;
  private excess: number[] = [];

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.last = clock();
  }

  private refill(): number {
    const now = this.clock();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    return now;
  }

  /** Takes one message's allowance; false when the message must wait. */
  take(): boolean {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Counts a message over the allowance; true when that makes it a flood. */
  overflow(): boolean {
    const now = this.clock();
    this.excess.push(now);
    if (this.excess.length > this.limit.floodMessages) {
      const cutoff = now - this.limit.windowMs;
      let drop = 0;
      while (drop < this.excess.length && (this.excess[drop] as number) < cutoff) drop += 1;
      if (drop > 0) this.excess = this.excess.slice(drop);
    }
    return this.excess.length > this.limit.floodMessages;
  }

  /** Milliseconds until one message's allowance is back. */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.limit.perSecond) * 1000);
  }
}
