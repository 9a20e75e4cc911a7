import "server-only";
import type { LabBrowser } from "@/lib/lab/client/browser";
import { appUrl } from "@/lib/lab/client/send";
import type { Fact, Verdict } from "./result";
import { type Probe, selfRequest, withBearer } from "@/lib/lab/client/probe";

// The XSS question without a browser tab: the SPA habit stores a token where a script can read
// it, and a stolen copy works from anywhere; the HttpOnly cookies a script can't read at all.

export async function xssExperiment(
  browser: LabBrowser,
  setCookies: string[],
): Promise<{ probes: Probe[]; facts: Fact[]; verdict: Verdict }> {
  const issued = await browser.request(appUrl("/api/lab/spa-token"), { method: "POST" });
  const token =
    issued.status === 200 ? (JSON.parse(issued.body) as { access_token: string }).access_token : "";
  const bearer = withBearer(token, "$STOLEN_TOKEN");
  const probes = [
    await selfRequest({
      label: "The token a script read from localStorage, used from elsewhere",
      method: "GET",
      path: "/api/lab/spa-demo/profile",
      expected: 200,
      ...bearer,
    }),
    await selfRequest({
      label: "The same token against the app's own API (another audience)",
      method: "GET",
      path: "/api/jwt/me",
      expected: 401,
      ...bearer,
    }),
  ];
  const readable = setCookies
    .filter((header) => !/;\s*httponly/i.test(header))
    .map((header) => header.split("=")[0]);
  const facts: Fact[] = [
    {
      name: "What document.cookie would show a script",
      value: readable.length ? readable.join(", ") : "nothing: every auth cookie is HttpOnly",
      note: "A script can make requests while the page is open, but can't carry an HttpOnly cookie away.",
    },
  ];
  const asLesson = probes[0]?.status === 200 && readable.length === 0;
  return {
    probes,
    facts,
    verdict: {
      outcome: asLesson ? "partly" : "worked",
      headline: asLesson
        ? "localStorage is stolen; HttpOnly cookies are not"
        : "A cookie is readable by scripts",
      reason:
        "Anything in localStorage is one injected script away from an attacker's server, where it works until it expires. An HttpOnly cookie never reaches JavaScript, so the same script can't take it (it can still act while the page is open: XSS is still bad).",
    },
  };
}
