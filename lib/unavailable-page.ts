import { escapeHtml as escape } from "./html";

// The page a deployment that can't serve answers with (503): the sentence naming what to fix,
// for whoever deployed it. Plain HTML with no script and no outside resource, so it shows
// whatever else is broken.

export function unavailablePage(problem: string): Response {
  const [headline, ...details] = problem.split("\n");
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Auth Lab is not configured</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1 style="font-size: 1.4rem">${escape(headline ?? "Auth Lab cannot start.")}</h1>
<ul>${details
    .map((line) => line.replace(/^\s*-\s*/, ""))
    .filter(Boolean)
    .map((line) => `<li>${escape(line)}</li>`)
    .join("")}</ul>
<p>This page answers every request until the deployment's settings are fixed; the README's deploy section lists them.</p>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": "60",
    },
  });
}
