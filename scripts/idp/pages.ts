// The local identity provider's two screens: who are you, and do you allow this app.
import { PRESETS } from "./accounts";

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

function layout(title: string, provider: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)} · Local ${escape(provider)}</title>
<style>
 :root{color-scheme:light dark;font-family:system-ui,sans-serif}
 body{max-width:28rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
 .banner{font-size:.8rem;border:1px dashed #d97706;border-radius:.5rem;padding:.5rem .75rem;margin-bottom:1rem}
 h1{font-size:1.4rem} form{margin:.5rem 0} label{display:block;font-weight:600;margin-top:.75rem}
 input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
 button{font-size:1rem;padding:.55rem 1rem;border-radius:.5rem;border:1px solid #888;cursor:pointer;margin-top:.75rem}
 button.primary{background:#0c4a6e;color:#fff;border-color:#0c4a6e} :focus-visible{outline:2px solid #0ea5e9;outline-offset:2px}
 label.check{font-weight:400;display:flex;gap:.5rem;align-items:center} label.check input{width:auto}
 ul{padding:0;list-style:none} li{margin:.4rem 0} .row{display:flex;gap:.5rem;flex-wrap:wrap}
</style></head><body><main>
<p class="banner">Auth Lab's <strong>local identity provider</strong>, playing <strong>${escape(provider)}</strong>. No real account is involved.</p>
${body}</main></body></html>`;
}

export function loginPage(provider: string, action: string, clientName: string): string {
  const presets = PRESETS.map(
    (
      p,
    ) => `<li><form method="post" action="${action}"><input type="hidden" name="name" value="${escape(p.name)}"><input type="hidden" name="email" value="${escape(p.email)}">
<button type="submit">Continue as ${escape(p.name)} (${escape(p.email)})</button></form></li>`,
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
<label class="check"><input type="checkbox" name="bad_id_token" value="on"> Test switch: sign my ID token with the wrong key (the app must refuse it)</label>
<button type="submit" class="primary">Continue</button></form>`,
  );
}

export function consentPage(
  provider: string,
  actions: { allow: string; deny: string },
  clientName: string,
  identity: string,
  scopes: string[],
): string {
  const list = scopes.map((scope) => `<li><code>${escape(scope)}</code></li>`).join("");
  return layout(
    "Allow access",
    provider,
    `<h1>${escape(clientName)} wants to access your ${escape(provider)} account</h1>
<p>Signed in as <strong>${escape(identity)}</strong>. It asks for:</p><ul>${list}</ul>
<div class="row"><form method="post" action="${actions.allow}"><button type="submit" class="primary">Allow</button></form>
<form method="post" action="${actions.deny}"><button type="submit">Deny</button></form></div>`,
  );
}

export function errorPage(provider: string, message: string): string {
  return layout("Error", provider, `<h1>Something went wrong</h1><p>${escape(message)}</p>`);
}
