export type LibsqlDouble = {
  port: number;
  /** `libsql://127.0.0.1:PORT?tls=0`, as DATABASE_URL. */
  url: string;
  /** HTTP requests answered so far (each one a round trip). */
  roundTrips(): number;
  /** Streams (connections) open now. */
  openStreams(): number;
  close(): Promise<void>;
};
export function startLibsqlDouble(options: {
  file: string;
  port?: number;
  delayMs?: number;
}): Promise<LibsqlDouble>;
