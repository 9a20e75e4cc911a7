import "server-only";
import { cookieNames } from "@/lib/auth/names";
import { isHttps } from "@/lib/env";
import { splitToken } from "@/lib/tokens/anatomy";
import type { Fact, Verdict } from "./result";
import { type Probe, selfRequest, withBearer } from "@/lib/lab/client/probe";

// A JWT taken apart with no key at all, and what each credential adds to every request: the
// session cookie, the access-token cookie, the same token as a Bearer header.

export type CredentialSizes = {
  /** `Cookie: name=value` as sent, or null when this browser holds none. */
  sessionCookie: number | null;
  accessCookie: number | null;
  bearerHeader: number | null;
  oauthCookie: number | null;
};

/** The bytes each credential adds to a request's headers, from the cookies held. */
export function credentialSizes(cookies: Map<string, string>): CredentialSizes {
  const names = cookieNames(isHttps());
  const cookie = (name: string) => {
    const value = cookies.get(name);
    return value === undefined ? null : `${name}=${value}`.length;
  };
  const access = cookies.get(names.jwtAccess);
  return {
    sessionCookie: cookie(names.session),
    accessCookie: cookie(names.jwtAccess),
    bearerHeader: access === undefined ? null : `Authorization: Bearer ${access}`.length,
    oauthCookie: cookie(names.oauthSession),
  };
}

export function sizeFacts(sizes: CredentialSizes): Fact[] {
  const fact = (name: string, bytes: number | null, note: string): Fact[] =>
    bytes === null ? [] : [{ name, value: `${bytes} bytes`, note }];
  return [
    ...fact(
      "Session cookie",
      sizes.sessionCookie,
      "A sealed random id: the state stays on the server.",
    ),
    ...fact(
      "Access-token cookie",
      sizes.accessCookie,
      "The whole signed token rides along on every request.",
    ),
    ...fact(
      "Same token as a Bearer header",
      sizes.bearerHeader,
      "What an API client sends instead.",
    ),
    ...fact("Auth.js session cookie", sizes.oauthCookie, "Opaque, like the session cookie."),
  ];
}

export async function anatomyExperiment(
  cookies: Map<string, string>,
  emphasis: "decode" | "sizes",
): Promise<{ probes: Probe[]; facts: Fact[]; verdict: Verdict }> {
  const access = cookies.get(cookieNames(isHttps()).jwtAccess) ?? "";
  const split = splitToken(access);
  if (!split)
    return {
      probes: [],
      facts: [],
      verdict: {
        outcome: "nothing-to-try",
        headline: "No token",
        reason: "Sign in with JWT first.",
      },
    };
  const probe = await selfRequest({
    label: "The same token, used as it is",
    method: "GET",
    path: "/api/jwt/me",
    expected: 200,
    ...withBearer(access),
  });
  const sizes = credentialSizes(cookies);
  const facts: Fact[] = [
    {
      name: "Header, decoded with no key",
      value: JSON.stringify(split.header),
      note: `${split.encodedHeader.length} bytes of base64url`,
    },
    {
      name: "Payload, decoded with no key",
      value: JSON.stringify(split.payload),
      note: `${split.encodedPayload.length} bytes of base64url`,
    },
    {
      name: "Signature",
      value: `${split.signature.length} bytes`,
      note: "Only this part needs the key, and only to make it: anyone can read the rest.",
    },
    ...sizeFacts(sizes),
  ];
  const verdict: Verdict =
    emphasis === "decode"
      ? {
          outcome: "shown",
          headline: "Readable by anyone: encoded, not encrypted",
          reason:
            "The header and payload above were decoded from a real access token with no key at all: base64url is an encoding. The signature proves who made it and that nothing changed; it hides nothing. So the token holds ids only.",
        }
      : {
          outcome: "shown",
          headline: `The JWT adds ${sizes.accessCookie ?? sizes.bearerHeader} bytes to every request; the session cookie ${sizes.sessionCookie}`,
          reason:
            "A session cookie carries a reference and the server looks the rest up; a JWT carries its claims and signature on every request. The bytes buy a verification with no lookup.",
        };
  return { probes: [probe], facts, verdict };
}
