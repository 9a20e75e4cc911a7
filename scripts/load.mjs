// `npm run load`: several instances on one SQLite file, under concurrent load. For one instance,
// then two (sharing the file), it drives sign-ins, token refreshes, note writes and note reads
// through every instance at once, then reports each answer's status class, the notes the API said
// it created against the notes the database holds (counted there, not through a capped listing),
// and the throughput.
//   npm run load -- [--seconds 15] [--concurrency 16] [--people 24]
// Loopback only: it starts its own servers on free ports and stops them when done.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { generateSecrets } from "./dev-secrets.mjs";
import { freePort } from "./redis-server.mjs";
import { bin, run } from "./run.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const SECONDS = option("seconds", 15);
const CONCURRENCY = option("concurrency", 16);
const PEOPLE = option("people", 24);
process.env.NEXT_TELEMETRY_DISABLED = "1";

if (!existsSync(".next/BUILD_ID")) {
  console.log("load: no production build yet: running next build");
  await run(bin("next"), ["build"]);
}

const randomIp = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

async function startInstances(count, databaseUrl) {
  const secrets = generateSecrets();
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const appUrl = `http://localhost:${ports[0]}`;
  const children = ports.map((port, i) =>
    spawn(bin("next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
      env: {
        ...process.env,
        ...secrets,
        NODE_ENV: "production",
        APP_URL: appUrl,
        DATABASE_URL: databaseUrl,
        INSTANCE_ID: `instance-${i + 1}`,
        OAUTH_ALLOW_LOCAL_IDP: "true",
        REGISTRATION_LIMIT_PER_HOUR: "100000",
      },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  for (const url of urls) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`${url} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    urls,
    stop: () =>
      Promise.all(
        children.map(
          (child) =>
            new Promise((resolve) => {
              child.once("exit", resolve);
              child.kill("SIGTERM");
            }),
        ),
      ),
  };
}

async function phase(count) {
  const dir = mkdtempSync(path.join(tmpdir(), "auth-lab-load-"));
  const databaseUrl = `file:${path.join(dir, "load.db")}`;
  await run(bin("prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const { urls, stop } = await startInstances(count, databaseUrl);
  const tally = { requests: 0, "2xx": 0, "4xx": 0, "5xx": 0, failed: 0, notesAcknowledged: 0 };
  const byOperation = {};

  async function call(url, pathname, init, operation) {
    tally.requests++;
    try {
      const response = await fetch(`${url}${pathname}`, {
        ...init,
        headers: { "x-forwarded-for": randomIp(), ...init.headers },
      });
      const kind = `${Math.floor(response.status / 100)}xx`;
      tally[kind] = (tally[kind] ?? 0) + 1;
      byOperation[operation] ??= {};
      byOperation[operation][response.status] = (byOperation[operation][response.status] ?? 0) + 1;
      return response;
    } catch {
      tally.failed++;
      return null;
    }
  }
  const json = (body) => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

  // People, registered through every instance.
  const people = [];
  for (let i = 0; i < PEOPLE; i++) {
    const person = {
      name: `Load ${i}`,
      email: `load-${randomUUID()}@load.authlab.test`,
      password: `load passphrase ${randomUUID()}`,
    };
    const response = await call(urls[i % urls.length], "/api/register", json(person), "register");
    if (response?.status === 201) people.push(person);
  }

  const deadline = Date.now() + SECONDS * 1000;
  const started = Date.now();
  const worker = async (w) => {
    let i = 0;
    while (Date.now() < deadline) {
      const person = people[(w + i) % people.length];
      const url = () => urls[Math.floor(Math.random() * urls.length)];
      const credentials = { email: person.email, password: person.password };
      i++;
      // A sign-in on one instance, its cookie used on the others.
      const login = await call(url(), "/api/session/login", json(credentials), "session sign-in");
      const cookie = login?.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      if (!cookie) continue;
      for (let n = 0; n < 3 && Date.now() < deadline; n++) {
        const created = await call(
          url(),
          "/api/session/notes",
          {
            ...json({ body: `note ${w}-${i}-${n}` }),
            headers: { "content-type": "application/json", cookie },
          },
          "note write (session)",
        );
        if (created?.status === 201) tally.notesAcknowledged++;
        await call(url(), "/api/session/notes", { headers: { cookie } }, "note read (session)");
      }
      // A token pair from one instance, refreshed and used on the others.
      const issued = await call(url(), "/api/jwt/token", json(credentials), "JWT sign-in");
      let pair = issued?.ok ? await issued.json() : null;
      for (let n = 0; n < 2 && pair && Date.now() < deadline; n++) {
        const created = await call(
          url(),
          "/api/jwt/notes",
          {
            ...json({ body: `jwt note ${w}-${i}-${n}` }),
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${pair.access_token}`,
            },
          },
          "note write (JWT)",
        );
        if (created?.status === 201) tally.notesAcknowledged++;
        const refreshed = await call(
          url(),
          "/api/jwt/refresh",
          json({ refresh_token: pair.refresh_token }),
          "refresh",
        );
        pair = refreshed?.ok ? await refreshed.json() : null;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  const elapsed = (Date.now() - started) / 1000;
  await stop();

  // Lost writes, counted in the database itself.
  const db = createClient({ url: databaseUrl });
  const stored = Number((await db.execute('SELECT COUNT(*) AS n FROM "Note"')).rows[0].n);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    instances: count,
    ...tally,
    perSecond: Math.round(tally.requests / elapsed),
    notesStored: stored,
    lostWrites: tally.notesAcknowledged - stored,
    byOperation,
  };
}

const results = [];
for (const count of [1, 2]) {
  console.log(`load: ${count} instance(s), ${CONCURRENCY} concurrent clients, ${SECONDS} s…`);
  results.push(await phase(count));
}

console.log(
  `\n| instances | requests | req/s | 2xx | 4xx | 5xx | failed | notes acknowledged | notes in the database | lost writes |`,
);
console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
for (const r of results)
  console.log(
    `| ${r.instances} | ${r.requests} | ${r.perSecond} | ${r["2xx"]} | ${r["4xx"]} | ${r["5xx"]} | ${r.failed} | ${r.notesAcknowledged} | ${r.notesStored} | ${r.lostWrites} |`,
  );
for (const r of results)
  console.log(
    `\n${r.instances} instance(s), statuses by operation: ${JSON.stringify(r.byOperation)}`,
  );
const bad = results.some((r) => r["5xx"] > 0 || r.failed > 0 || r.lostWrites !== 0);
process.exitCode = bad ? 1 : 0;
