// The local identity provider's screens: who are you, do you allow this app, sign out, and
// errors. Plain HTML with inline styles (its CSP allows nothing else), light and dark, phone-sized.
import { PRESETS } from "./accounts";

import { escapeHtml as escape } from "../../lib/html";

const ACCENT: Record<string, string> = { Google: "#1a73e8", GitHub: "#24292f" };

const STYLE = `
:root{color-scheme:light dark;--bg:#f4f4f5;--card:#fff;--text:#18181b;--muted:#52525b;--line:#d4d4d8}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--card:#18181b;--text:#f4f4f5;--muted:#a1a1aa;--line:#3f3f46}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:1rem;padding:1.25rem 1.25rem 1.5rem;box-shadow:0 1px 3px rgb(0 0 0/.08)}
.brand{display:flex;align-items:center;gap:.6rem;font-weight:700;font-size:1.05rem;margin:0 0 1rem}
.logo{display:inline-grid;place-items:center;width:2rem;height:2rem;border-radius:.5rem;background:var(--accent);color:#fff;font-size:1rem}
.banner{font-size:.8rem;color:var(--muted);border:1px dashed #d97706;border-radius:.5rem;padding:.5rem .75rem;margin:0 0 1rem}
h1{font-size:1.3rem;line-height:1.3;margin:.25rem 0 .75rem} h2{font-size:.95rem;margin:1.25rem 0 .25rem;color:var(--muted)}
p{margin:.5rem 0} code{font-size:.9em}
form{margin:.5rem 0} label{display:block;font-weight:600;margin-top:.75rem}
input{width:100%;padding:.55rem .65rem;font:inherit;border:1px solid var(--line);border-radius:.5rem;background:var(--card);color:var(--text)}
button{font:inherit;width:100%;padding:.6rem 1rem;border-radius:.6rem;border:1px solid var(--line);background:var(--card);color:var(--text);cursor:pointer;margin-top:.5rem;text-align:left}
button:hover{border-color:var(--accent)}
button.primary{background:var(--accent);color:#fff;border-color:var(--accent);text-align:center}
:focus-visible{outline:3px solid #0ea5e9;outline-offset:2px}
label.check{font-weight:400;display:flex;gap:.5rem;align-items:flex-start;font-size:.9rem}
label.check input{width:auto;margin-top:.3rem}
ul{padding:0;list-style:none;margin:0} li{margin:.4rem 0}
.row{display:grid;grid-template-columns:1fr 1fr;gap:.5rem} .row button{text-align:center}
.scopes li{padding:.35rem .6rem;border:1px solid var(--line);border-radius:.5rem}
.muted{color:var(--muted);font-size:.9rem}
`;

function layout(title: string, provider: string, body: string): string {
  const accent = ACCENT[provider] ?? "#0c4a6e";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)} · Local ${escape(provider)}</title>
<style>${STYLE} :root{--accent:${accent}}</style></head><body><main>
<p class="banner">Auth Lab's <strong>local identity provider</strong>, playing ${escape(provider)} on this machine. No real account is involved.</p>
<div class="card"><p class="brand"><span class="logo" aria-hidden="true">${escape(provider.slice(0, 1))}</span>${escape(provider)} <span class="muted">(local)</span></p>
${body}</div></main></body></html>`;
}

/**
 * `idToken`: the provider issues OpenID Connect ID tokens (Google does; GitHub's OAuth apps get
 * none), so its test switch for a wrongly signed one has something to act on.
 */
export function loginPage(
  provider: string,
  action: string,
  clientName: string,
  { idToken }: { idToken: boolean },
): string {
  const idTokenSwitch = idToken
    ? `<label class="check"><input type="checkbox" name="bad_id_token" value="on"> Test switch: sign my ID token with the wrong key (the app must refuse it)</label>\n`
    : "";
  const presets = PRESETS.map(
    (
      p,
    ) => `<li><form method="post" action="${action}"><input type="hidden" name="name" value="${escape(p.name)}"><input type="hidden" name="email" value="${escape(p.email)}">
<button type="submit">Continue as <strong>${escape(p.name)}</strong><br><span class="muted">${escape(p.email)}</span></button></form></li>`,
  ).join("");
  return layout(
    "Sign in",
    provider,
    `<h1>Sign in to continue to ${escape(clientName)}</h1>
<h2>Pick an identity</h2><ul>${presets}</ul>
<h2>Or be someone else</h2>
<form method="post" action="${action}">
<label for="name">Name</label><input id="name" name="name" required maxlength="100" autocomplete="off">
<label for="email">Email</label><input id="email" name="email" type="email" required maxlength="254" autocomplete="off">
${idTokenSwitch}<button type="submit" class="primary">Continue</button></form>`,
  );
}

/** `person`: who is signed in, as a real provider names them (never an opaque id). */
export function consentPage(
  provider: string,
  actions: { allow: string; deny: string },
  clientName: string,
  person: { name: string; email: string } | null,
  scopes: string[],
): string {
  const who = person
    ? `<strong>${escape(person.name)}</strong> (${escape(person.email)})`
    : "an identity this provider no longer remembers";
  const list = scopes.map((scope) => `<li><code>${escape(scope)}</code></li>`).join("");
  return layout(
    "Allow access",
    provider,
    `<h1>${escape(clientName)} wants to access your ${escape(provider)} account</h1>
<p class="muted">Signed in as ${who}. It asks for:</p><ul class="scopes">${list}</ul>
<div class="row"><form method="post" action="${actions.allow}"><button type="submit" class="primary">Allow</button></form>
<form method="post" action="${actions.deny}"><button type="submit">Deny</button></form></div>`,
  );
}

/** RP-initiated logout's question; `form` is oidc-provider's hidden form (its id is op.logoutForm). */
export function signOutPage(provider: string, clientName: string, form: string): string {
  return layout(
    "Sign out",
    provider,
    `<h1>Sign out of ${escape(provider)}?</h1>
<p>${escape(clientName)} asked to sign you out here too. Until you do, ${escape(provider)} remembers you, and the next “Continue with ${escape(provider)}” signs you straight in without asking: that is single sign-on.</p>
${form}
<div class="row"><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout" class="primary">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button></div>`,
  );
}

export function signedOutPage(provider: string): string {
  return layout(
    "Signed out",
    provider,
    `<h1>You are signed out of ${escape(provider)}</h1><p>The next sign-in will ask who you are.</p>`,
  );
}

export function errorPage(provider: string, message: string): string {
  return layout("Error", provider, `<h1>Something went wrong</h1><p>${escape(message)}</p>`);
}
