import { once } from "node:events";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { isStoreUnavailable } from "./errors";

// Redis fails fast: a real redis-server behind a relay this test controls. When the relay goes
// silent (the connection stays open and nothing answers: a dropped path, a frozen function) or
// refuses, a call is a StoreUnavailableError (a 503) within the timeout, never a hang; when Redis
// comes back, the same process recovers by itself.

/** A TCP relay to `target` that can stop answering without closing anything, or refuse outright. */
async function relayTo(target: URL) {
  const sockets = new Set<net.Socket>();
  let mode: "forward" | "silent" = "forward";
  const server = net.createServer((client) => {
    if (!server.listening) return void client.destroy();
    sockets.add(client);
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    client.on("data", (chunk) => {
      if (mode === "forward") upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      if (mode === "forward") client.write(chunk);
    });
    for (const socket of [client, upstream]) {
      socket.on("error", () => undefined);
      socket.on("close", () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    /** Existing connections go quiet; new ones are accepted and go quiet too. */
    silence: () => void (mode = "silent"),
    /** New connections are forwarded again (the silent ones stay dead, as a dropped path does). */
    restore: () => void (mode = "forward"),
    close: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

const relay = await relayTo(new URL(process.env.TEST_REDIS_URL!));
process.env.REDIS_URL = relay.url;
const { REDIS_TIMEOUT_MS, withRedis } = await import("./redis");

const ping = () => withRedis((redis) => redis.ping());

/** How long `work` took to fail, and with what. */
async function failure(work: () => Promise<unknown>) {
  const started = performance.now();
  const error = await work().then(
    () => null,
    (caught: unknown) => caught,
  );
  return { error, ms: performance.now() - started };
}

async function recovered(deadlineMs: number) {
  const deadline = performance.now() + deadlineMs;
  while (performance.now() < deadline) {
    if ((await ping().catch(() => null)) === "PONG") return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

afterAll(() => relay.close());

describe("Redis fails fast and recovers", () => {
  it("answers through the relay", async () => {
    expect(await ping()).toBe("PONG");
  });

  it("a silent connection is a store error within the timeout, then recovers with no restart", async () => {
    relay.silence();
    const { error, ms } = await failure(ping);
    expect(isStoreUnavailable(error)).toBe(true);
    expect(ms).toBeLessThan(REDIS_TIMEOUT_MS + 1000);
    // Still silent: every call is refused as fast, none queues behind another.
    const calls = await Promise.all([failure(ping), failure(ping), failure(ping)]);
    for (const call of calls) {
      expect(isStoreUnavailable(call.error)).toBe(true);
      expect(call.ms).toBeLessThan(REDIS_TIMEOUT_MS + 1000);
    }
    relay.restore();
    expect(await recovered(5000)).toBe(true);
  });

  it("a Redis that refuses connections is a store error at once, and recovery follows it", async () => {
    const { url } = relay;
    await relay.close();
    const { error, ms } = await failure(ping);
    expect(isStoreUnavailable(error)).toBe(true);
    expect(ms).toBeLessThan(REDIS_TIMEOUT_MS + 1000);
    // Redis is back on the same address: the client's own reconnection finds it.
    const target = new URL(process.env.TEST_REDIS_URL!);
    const piped = new Set<net.Socket>();
    const again = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      client.pipe(upstream).pipe(client);
      for (const socket of [client, upstream]) {
        piped.add(socket);
        socket.on("error", () => undefined);
      }
    });
    again.listen(Number(new URL(url).port), "127.0.0.1");
    await once(again, "listening");
    try {
      expect(await recovered(5000)).toBe(true);
    } finally {
      const closed = new Promise((resolve) => again.close(resolve));
      for (const socket of piped) socket.destroy();
      await closed;
    }
  });
});
