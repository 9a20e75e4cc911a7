// The slice of GitHub's REST API that Auth.js reads (/user, /user/emails) and the one delegated
// call the app makes (/user/repos), authorised by access tokens this provider issued.
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { findIdentity, type Identity } from "./accounts";

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(JSON.stringify(body));
}

export async function githubApi(
  provider: Provider,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const token = /^(?:Bearer|token) (\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const access = token ? await provider.AccessToken.find(token) : undefined;
  const identity = access?.accountId ? findIdentity(access.accountId) : undefined;
  if (!access || !identity || access.isExpired)
    return send(res, 401, { message: "Bad credentials" });
  const scopes = new Set((access.scope ?? "").split(" "));

  if (path === "/user" && scopes.has("read:user")) return send(res, 200, user(identity));
  if (path === "/user/emails" && scopes.has("user:email")) {
    return send(res, 200, [
      { email: identity.email, primary: true, verified: true, visibility: "private" },
    ]);
  }
  if (path === "/user/repos" && scopes.has("read:user")) return send(res, 200, repos(identity));
  return send(res, 404, { message: "Not Found" });
}

function user(identity: Identity) {
  // Like a GitHub user with a private email: Auth.js then asks /user/emails, as it must for real.
  return {
    id: identity.githubId,
    login: identity.login,
    name: identity.name,
    email: null,
    avatar_url: null,
    html_url: `https://github.example/${identity.login}`,
    type: "User",
  };
}

function repos(identity: Identity) {
  return ["notes", "dotfiles", "auth-lab-fork"].map((name, index) => ({
    id: identity.githubId * 10 + index,
    name: `${identity.login}-${name}`,
    full_name: `${identity.login}/${identity.login}-${name}`,
    private: false,
    description: `A public repository of ${identity.name}`,
    stargazers_count: (identity.githubId >> index) % 100,
    language: ["TypeScript", "Shell", "TypeScript"][index],
  }));
}
