import { STRATEGY_IDS } from "@/lib/auth/names";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";

// The lab's attacker page: open it on the *other* host (127.0.0.1 when the app is on localhost, or
// the reverse), which browsers treat as another site. Its script posts to each strategy's notes
// route on the app, with credentials, as a malicious page would. It can't read the answers (no
// CORS); the lab shows that nothing was created. Served outside proxy.ts with its own CSP, because
// a real attacker's page is not bound by ours.

const STRATEGIES = STRATEGY_IDS;

export async function GET(request: Request) {
  const target = new URL(getEnv().APP_URL).origin;
  // The Host header, not request.url: Next.js builds the URL from its own configured hostname.
  const host = request.headers.get("host") ?? "";
  // Only a host name (and port) is ever echoed, escaped: the Host header is the client's to choose.
  if (!/^[a-z0-9.:[\]-]{1,255}$/i.test(host))
    return new Response("Bad Host header.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  const here = `${new URL(target).protocol}//${host}`;
  if (host === new URL(target).host) {
    // From the app's own host it would be a same-origin page, whose requests rightly succeed.
    return new Response(
      "The attacker page only runs from another site: open it on the other loopback host.",
      {
        status: 409,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      },
    );
  }
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Attacker page (Auth Lab demo)</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
.banner{border:2px dashed #b91c1c;padding:.75rem;border-radius:.5rem}button{font-size:1rem;padding:.5rem 1rem}</style></head>
<body><main>
<p class="banner"><strong>Demo attacker page</strong>, part of Auth Lab's lab. It is served from <code>${escapeHtml(here)}</code> and attacks <code>${escapeHtml(target)}</code>.</p>
<h1>Free prizes!</h1>
<p>Pressing the button sends, for each strategy, a <code>POST ${escapeHtml(target)}/api/&lt;strategy&gt;/notes</code> with the browser's cookies, as a cross-site request forgery would.</p>
<button id="attack" type="button">Claim your prize</button>
<ol id="log" aria-live="polite"></ol>
<script>
const target = ${JSON.stringify(target)};
const log = (text) => { const li = document.createElement("li"); li.textContent = text; document.getElementById("log").append(li); };
document.getElementById("attack").addEventListener("click", async () => {
  for (const strategy of ${JSON.stringify(STRATEGIES)}) {
    try {
      // no-cors: the browser sends it (with whatever cookies SameSite allows) but hides the answer.
      await fetch(target + "/api/" + strategy + "/notes", { method: "POST", mode: "no-cors", credentials: "include",
        headers: { "content-type": "text/plain" }, body: JSON.stringify({ body: "planted by the attacker page" }) });
      log(strategy + ": request sent (the answer is hidden from this page)");
    } catch (error) { log(strategy + ": the browser refused to send it"); }
  }
  log("done");
});
</script></main></body></html>`;
  return new Response(page, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src ${target}`,
    },
  });
}
