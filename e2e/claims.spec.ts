import type { Page } from "@playwright/test";
import {
  claimsOf,
  COOKIES,
  expect,
  newIdentity,
  postFromAnotherSite,
  signInOverHttp,
  signInWithProviderOverHttp,
  test,
} from "./fixtures";

// The claims the lab makes visible beyond its attacks, each asserted on the visitor's own
// credentials: a token's three parts and the bytes each credential adds to a request; the ID
// token next to the access token; the hybrids; session fixation; password storage; key rotation.

const part = (page: Page, id: string) => page.locator(`section:has(> h2#${id})`);
const fact = (page: Page, experiment: string, name: string) =>
  page.getByTestId(`experiment-${experiment}`).locator(`[data-fact="${name}"] dd`).first();

async function run(page: Page, experiment: string, button: string) {
  const card = page.getByTestId(`experiment-${experiment}`);
  await card.getByRole("button", { name: button }).click();
  await expect(card.getByTestId("result")).toBeFocused();
  return card;
}

test("a token's three parts, decoded, and the bytes each credential adds to every request; passwords: the stored PHC string's parameters, and argon2id timed against SHA-256", async ({
  sessionUser: { page, person },
}) => {
  await signInOverHttp(page, "jwt", person);
  const jar = await page.context().cookies();
  const value = (name: string) => jar.find((cookie) => cookie.name === name)?.value ?? "";
  const access = value(COOKIES.jwtAccess);
  const [header, payload, signature] = access.split(".");

  await page.goto("/lab#token-anatomy");
  const anatomy = part(page, "token-anatomy");
  const encoded = anatomy.getByTestId("token-encoded");
  await expect(encoded.locator('[data-part="header"]')).toHaveText(header!);
  await expect(encoded.locator('[data-part="payload"]')).toHaveText(payload!);
  // The signature never reaches the page whole.
  await expect(encoded.locator('[data-part="signature"]')).toHaveText(`${signature!.slice(0, 6)}…`);
  const sizes = anatomy.getByTestId("token-part-sizes");
  await expect(sizes.locator('[data-part="header"]')).toHaveAttribute(
    "data-bytes",
    String(header!.length),
  );
  await expect(sizes.locator('[data-part="signature"]')).toHaveAttribute(
    "data-bytes",
    String(signature!.length),
  );
  await expect(anatomy.getByTestId("token-payload").locator('[data-claim="sub"]')).toContainText(
    claimsOf(access).sub,
  );

  const row = (credential: string) =>
    anatomy.getByTestId("credential-sizes").locator(`[data-credential="${credential}"]`);
  const sealCookie = `${COOKIES.session}=${value(COOKIES.session)}`;
  await expect(row("session")).toHaveAttribute("data-bytes", String(sealCookie.length));
  await expect(row("access")).toHaveAttribute(
    "data-bytes",
    String(`${COOKIES.jwtAccess}=${access}`.length),
  );
  await expect(row("bearer")).toHaveAttribute(
    "data-bytes",
    String(`Authorization: Bearer ${access}`.length),
  );
  expect(access.length).toBeGreaterThan(value(COOKIES.session).length);

  // The same signed-in person's password, as stored.
  await run(page, "kdf", "Measure");
  await expect(fact(page, "kdf", "Your stored password (PHC string)")).toHaveText(
    /^\$argon2id\$v=19\$m=19456,t=2,p=1\$.{4}…\(\d+ chars\)\$.{4}…\(\d+ chars\)$/,
  );
  const argon = "One argon2id hash, measured now (median of 5)";
  await expect(fact(page, "kdf", argon)).toHaveText(/^\d+\.\d ms$/);
  await expect(fact(page, "kdf", "One SHA-256, measured now (median of 5 batches)")).toHaveText(
    /^\d+\.\d\d µs$/,
  );
  // A median says how much its runs wobbled.
  await expect(page.getByTestId("experiment-kdf").locator(`[data-fact="${argon}"]`)).toContainText(
    /Runs from \d+\.\d to \d+\.\d ms/,
  );
  const ratio = await fact(page, "kdf", "Cost per guess, argon2id vs SHA-256").textContent();
  expect(Number((ratio ?? "").replace(/[^\d]/g, ""))).toBeGreaterThan(100);
});

test("identity vs authorization: the ID token decoded and checked in the lab, next to the access token; combining the models: a provider sign-in and a web session, each exchanged for the app's own tokens", async ({
  sessionUser: { page },
}) => {
  const identity = newIdentity();
  await signInWithProviderOverHttp(page, "google", identity);
  await page.goto("/lab#id-token");
  const section = page.locator("section#id-token");
  await expect(section.getByTestId("id-token-signature")).toHaveAttribute("data-valid", "true");
  const claims = section.getByTestId("token-payload");
  for (const claim of ["iss", "aud", "sub", "nonce", "exp"])
    await expect(claims.locator(`[data-claim="${claim}"]`)).toBeVisible();
  await expect(claims.locator('[data-claim="email"]')).toContainText(identity.email);
  await expect(section.getByTestId("provider-access-token")).toContainText(
    "scope openid email profile",
  );

  // Both of this browser's sign-ins, the provider's and the web session, exchanged.
  const card = await run(page, "hybrid", "Exchange and call the API");
  await expect(card.getByTestId("result")).toHaveAttribute("data-outcome", "shown");
  const probes = card.getByTestId("probe");
  await expect(probes).toHaveCount(8);
  // Per sign-in: the exchange, the API with the token alone, the sign-in untouched, the sign-out.
  for (const [i, status] of ["200", "200", "200", "204", "200", "200", "200", "204"].entries())
    await expect(probes.nth(i)).toHaveAttribute("data-status", status);
  await expect(probes.first()).toContainText("POST /api/jwt/exchange/oauth");
  await expect(probes.nth(4)).toContainText("POST /api/jwt/exchange/session");
  // No credential in any curl command: placeholders only.
  for (const curl of await card.getByTestId("probe-curl").allTextContents())
    expect(curl).not.toMatch(/[\w-]{40,}/);
  // The exchange is a cookie-authenticated POST: another site can't make it.
  const crossSite = await postFromAnotherSite(page.request, "/api/jwt/exchange/session");
  expect(crossSite.status()).toBe(403);
  // And the diagrams draw the hybrids: the backend-for-frontend first, as the recommendation,
  // and the SPA holding tokens in JavaScript as the riskier variant.
  const diagrams = page.getByTestId("flow-hybrid-diagram");
  await expect(diagrams).toHaveCount(3);
  await expect(diagrams.nth(0)).toContainText(
    "Recommended for a browser app: a backend-for-frontend",
  );
  await expect(diagrams.nth(0)).toContainText("never sent to the browser");
  await expect(diagrams.nth(1)).toContainText("The riskier variant");
  await expect(page.locator("details#flow-hybrid")).not.toContainText("what production apps do");
});

test("session fixation: the planted id dies at sign-in and the victim gets a new one", async ({
  page,
}) => {
  await page.goto("/lab#fixation");
  const card = await run(page, "fixation", "Plant and sign in");
  await expect(card.getByTestId("result")).toHaveAttribute("data-outcome", "refused");
  const before = await fact(
    page,
    "fixation",
    "Session id planted (SHA-256, cut short)",
  ).textContent();
  const after = await fact(page, "fixation", "Session id after the victim's sign-in").textContent();
  expect(before).toMatch(/^[0-9a-f]{8}…$/);
  expect(after).toMatch(/^[0-9a-f]{8}…$/);
  expect(after).not.toBe(before);
  await expect(
    card.getByTestId("probe").filter({ hasText: "planted cookie afterwards" }),
  ).toHaveAttribute("data-status", "401");
});

test("key rotation: new kid published and carried by new tokens, old tokens still verify; retired, refused", async ({
  jwtUser: { page },
  request,
}) => {
  await page.goto("/lab#key-rotation");
  const card = await run(page, "key-rotation", "Rotate, rotate, retire");
  await expect(card.getByTestId("result")).toHaveAttribute("data-outcome", "shown");
  await expect(
    card.getByTestId("probe").filter({ hasText: "its key retired, at the app" }),
  ).toHaveAttribute("data-status", "401");
  const newest = (await fact(page, "key-rotation", "The newer token's kid").textContent()) ?? "";
  expect(newest).toMatch(/^lab-[0-9a-f]{12}$/);

  // This browser's sign-in now signs with the newest lab key: its next token carries that kid.
  const before = claimsOf(
    (await page.context().cookies()).find((c) => c.name === COOKIES.jwtAccess)!.value,
  );
  const refreshed = await page.request.post("/api/jwt/refresh");
  expect(refreshed.status()).toBe(200);
  const access = (await page.context().cookies()).find((c) => c.name === COOKIES.jwtAccess)!.value;
  expect(JSON.parse(Buffer.from(access.split(".")[0]!, "base64url").toString()).kid).toBe(newest);
  const jwks = async () =>
    (
      (await (await request.get("/.well-known/jwks.json")).json()) as { keys: { kid: string }[] }
    ).keys.map((key) => key.kid);
  expect(await jwks()).toContain(newest);
  const bearer = { authorization: `Bearer ${access}` };
  expect((await request.get("/api/jwt/me", { headers: bearer })).status()).toBe(200);
  expect(before.sub).toBe(claimsOf(access).sub);

  // Back to the configured key: the lab key is retired, and the token it signed is refused.
  await page.reload();
  await page.getByRole("button", { name: "Back to the configured key" }).click();
  await expect(page.getByTestId("lab-keys").locator(`[data-kid="${newest}"]`)).toHaveAttribute(
    "data-retired",
    "true",
  );
  expect(await jwks()).not.toContain(newest);
  const refused = await request.get("/api/jwt/me", { headers: bearer });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("invalid_token");
});

test("the token viewer: an edited payload breaks the signature, as the server says; it never signs", async ({
  jwtUser: { page },
  request,
}) => {
  await page.goto("/jwt");
  const viewer = page.locator('[data-testid="token-viewer"][data-source="access"]');
  await viewer.getByText("Try changing it").click();
  const editor = viewer.getByLabel("Payload (JSON)");
  const original = await editor.inputValue();
  await editor.fill(original.replace(/"ver": \d+/, '"ver": 9999'));
  await expect(viewer.getByTestId("token-edit-verdict")).toHaveAttribute("data-valid", "false");
  await expect(viewer.getByTestId("token-edit-verdict")).toContainText("you changed ver");
  await editor.fill("{ not json");
  await expect(viewer.getByTestId("token-edit-error")).toContainText("Not a JSON object");
  await viewer.getByRole("button", { name: "Undo my changes" }).click();
  await expect(viewer.getByText("Unchanged: the signature matches")).toBeVisible();

  // The check itself: the original parts verify; bad input is a 400; no token, a 404.
  const token = (await page.context().cookies()).find((c) => c.name === COOKIES.jwtAccess)!.value;
  const [header, payload] = token.split(".");
  const check = (data: unknown, target = page.request) =>
    target.post("/api/tokens/check", { data });
  expect(await (await check({ source: "access", header, payload })).json()).toMatchObject({
    valid: true,
  });
  expect((await check({ source: "access", header, payload: "not base64url!" })).status()).toBe(400);
  expect((await check({ source: "nope", header, payload })).status()).toBe(400);
  expect((await check({ source: "access", header, payload }, request)).status()).toBe(404);
});
