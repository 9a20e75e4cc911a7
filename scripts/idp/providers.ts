// Two oidc-provider instances: one plays Google (OpenID Connect: discovery, JWKS, RS256 ID tokens
// with nonce), one plays GitHub (plain OAuth 2.0 at GitHub's paths). Both require PKCE (S256),
// match redirect URIs exactly and use each authorization code once: oidc-provider's defaults,
// made explicit where they are choices.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { LOCAL_CLIENTS, localIdpUrls } from "../../lib/auth/oauth/local-idp";
import { findIdentity } from "./accounts";
import { errorPage, signedOutPage, signOutPage } from "./pages";

export type ProviderName = "google" | "github";
const LABEL: Record<ProviderName, string> = { google: "Google", github: "GitHub" };

function signingKeys() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    keys: [
      {
        ...privateKey.export({ format: "jwk" }),
        kid: `local-${randomBytes(4).toString("hex")}`,
        alg: "RS256",
        use: "sig",
      },
    ],
  };
}

function common(name: ProviderName, appOrigins: string[]): Configuration {
  const client = LOCAL_CLIENTS[name];
  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: "Auth Lab",
        redirect_uris: appOrigins.map((origin) => `${origin}/api/auth/callback/${name}`),
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
        // Google's ID token says when the person last really signed in, so the app can tell
        // single sign-on (the provider remembered them) from a sign-in just made.
        require_auth_time: name === "google",
        // "Sign out at the provider too" comes back to the app's sign-in page.
        post_logout_redirect_uris: appOrigins.map(
          (origin) => `${origin}/oauth/login?signed-out-at=${name}`,
        ),
      },
    ],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.body = signOutPage(LABEL[name], ctx.oidc.client?.clientName ?? "The app", form);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = signedOutPage(LABEL[name]);
        },
      },
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = errorPage(LABEL[name], String(out.error_description ?? out.error));
    },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction) => `/${name}/interaction/${interaction.uid}`,
    },
    cookies: {
      keys: [randomBytes(32).toString("hex")],
      // Both stand-ins live on one origin: cookies of their own, so each keeps its own sign-in,
      // as Google and GitHub do (signing in at one never signs you out of the other).
      names: {
        session: `_${name}_session`,
        interaction: `_${name}_interaction`,
        resume: `_${name}_interaction_resume`,
      },
    },
    jwks: signingKeys(),
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    async findAccount(_ctx, id) {
      const identity = findIdentity(id);
      if (!identity) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: identity.email, email_verified: true, name: identity.name };
        },
      };
    },
  };
}

export function createProviders(
  base: string,
  appOrigins: string[],
): Record<ProviderName, Provider> {
  const urls = localIdpUrls(base);
  const google = new Provider(urls.googleIssuer, {
    ...common("google", appOrigins),
    scopes: ["openid", "email", "profile"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the requested claims in the ID token too, as Google does.
    conformIdTokenClaims: false,
  });
  // GitHub's authorize and token endpoints live under /login/oauth, so that is the issuer.
  const github = new Provider(`${urls.githubBase}/login/oauth`, {
    ...common("github", appOrigins),
    scopes: ["read:user", "user:email"],
    routes: { authorization: "/authorize", token: "/access_token" },
  });
  for (const provider of [google, github]) provider.proxy = false;
  return { google, github };
}
