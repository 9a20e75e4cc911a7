// Starts a throwaway redis-server (Debian's package) on a loopback port, with nothing saved to
// disk, for tests and the local cluster. Stops it with the process that started it.
//   node scripts/redis-server.mjs 6390         (foreground, until SIGTERM)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answersPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(500);
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => {
      socket.destroy();
      resolve(String(data).startsWith("+PONG"));
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts redis-server on `port` and resolves once it answers PING. With `dir`, it keeps an
 * append-only file there, so a stop and a start (as in the lab's Scaling experiment) lose nothing.
 */
export async function startRedis(port, { quiet = true, dir = null } = {}) {
  if (!existsSync(REDIS_SERVER))
    throw new Error(
      `redis-server not found at ${REDIS_SERVER}: install it (Debian: apt-get install redis-server) or set REDIS_SERVER_PATH.`,
    );
  const child = spawn(
    REDIS_SERVER,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--protected-mode",
      "yes",
      ...(dir
        ? ["--dir", dir, "--appendonly", "yes", "--appendfsync", "always"]
        : ["--appendonly", "no"]),
    ],
    { stdio: quiet ? "ignore" : "inherit" },
  );
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
    if (await answersPing(port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error(`redis-server did not answer on port ${port}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? (await freePort()));
  const child = await startRedis(port, { quiet: false });
  console.log(`redis-server on redis://127.0.0.1:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}
