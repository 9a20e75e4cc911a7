// Measures named steps of a request and reports them in a Server-Timing header, so anyone can
// see in the browser's network panel what a strategy's guard spent its time on.

export class ServerTiming {
  private readonly entries: { name: string; ms: number }[] = [];

  async measure<T>(name: string, step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step();
    } finally {
      this.entries.push({ name, ms: performance.now() - started });
    }
  }

  get steps(): readonly { name: string; ms: number }[] {
    return this.entries;
  }

  header(): string {
    return this.entries.map(({ name, ms }) => `${name};dur=${ms.toFixed(3)}`).join(", ");
  }
}
