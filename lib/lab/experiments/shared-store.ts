import "server-only";
import { cookieNames } from "@/lib/auth/names";
import { isHttps } from "@/lib/env";
import { instanceId } from "@/lib/instance";
import { askInstance, clusterConfigured, clusterInstances } from "@/lib/lab/scaling";
import { sessionStoreKind } from "@/lib/store/sessions";
import type { Fact, Verdict } from "./result";
import {
  type Probe,
  redactCredential,
  selfRequestWithBody,
  withCookie,
} from "@/lib/lab/client/probe";

// Where a session lives decides who can honour it. With several instances (npm run cluster) the
// same cookie is asked of each one directly; on a single instance, the lookup is shown going to
// the store every instance would share.

type Shown = { probes: Probe[]; facts: Fact[]; verdict: Verdict };

export async function sharedStoreExperiment(seal: string): Promise<Shown> {
  const name = cookieNames(isHttps()).session;
  const cookie = `${name}=${seal}`;
  const sent = [{ name: "Cookie", value: `${name}=${redactCredential(seal)}` }];
  const store = sessionStoreKind();
  if (clusterConfigured()) {
    const answers = await Promise.all(
      clusterInstances().map((instance) =>
        askInstance(instance, "server session", "GET", "/api/session/me", { cookie }),
      ),
    );
    const probes: Probe[] = answers.map(({ answer }) => ({
      label: `Instance ${answer.instance}, asked directly`,
      method: "GET",
      path: "/api/session/me",
      sent,
      status: answer.status,
      expected: 200,
      code: answer.code,
      message: answer.answeredBy ? `answered by ${answer.answeredBy}` : null,
      asExpected: answer.status === 200,
      curl: `curl -i -H 'cookie: ${name}=$SESSION_COOKIE' '<instance>/api/session/me'`,
    }));
    const everyone = probes.every((probe) => probe.asExpected);
    return {
      probes,
      facts: [{ name: "Sessions live in", value: store }],
      verdict: {
        outcome: "shown",
        headline: everyone
          ? "Every instance honours the same cookie"
          : "Not every instance knows this session",
        reason: everyone
          ? `Each instance looked the session up in ${store}, which they share: no sticky sessions needed, and a restart loses nothing.`
          : "A session kept in one instance's memory exists there only: hence sticky sessions, and a restart signs everyone out.",
      },
    };
  }
  const first = await selfRequestWithBody({
    label: "The session, looked up",
    method: "GET",
    path: "/api/session/me",
    expected: 200,
    ...withCookie(name, seal, "$SESSION_COOKIE"),
  });
  const where = first.headers.get("server-timing") ?? "";
  return {
    probes: [first.probe],
    facts: [
      {
        name: "Sessions live in",
        value: store,
        note:
          store === "memory"
            ? "This instance's memory: no other instance could see them."
            : "A store every instance of this app can share.",
      },
      { name: "Answered by", value: first.headers.get("x-instance") ?? instanceId() },
      { name: "Server-Timing", value: where, note: "The lookup step names the store it asked." },
    ],
    verdict: {
      outcome: "shown",
      headline: `Every request asks ${store}`,
      reason:
        store === "memory"
          ? "Held in one process's memory, a session exists on this instance only: a second instance would refuse it (hence sticky sessions) and a restart loses it."
          : `This deployment runs one instance; any other would find the session in ${store} just the same. Run npm run cluster to watch two instances answer, Redis go down (503, fail closed) and an instance restart.`,
    },
  };
}
