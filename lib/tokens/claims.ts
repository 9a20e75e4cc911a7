// What each field of a token's header and payload means, in a sentence. Registered names come
// from RFC 7515 (header), RFC 7519 (claims), RFC 9068 (access tokens) and OpenID Connect Core (ID
// tokens); `fam` and `ver` are Auth Lab's own.

export type ClaimNote = { name: string; meaning: string; time?: true };

export const HEADER_NOTES: Record<string, ClaimNote> = {
  alg: {
    name: "Algorithm",
    meaning:
      "How the signature was made. A verifier must pick the algorithms it accepts, never take this field's word for it (that is how alg: none and HS256-with-the-public-key attacks work).",
  },
  typ: {
    name: "Type",
    meaning:
      "What kind of token this is. at+jwt marks an access token, so an ID token or another JWT can't be passed off as one.",
  },
  kid: {
    name: "Key id",
    meaning:
      "Which key signed it: the verifier looks this id up in the issuer's JWKS. It is how keys rotate without breaking tokens already out there.",
  },
};

export const PAYLOAD_NOTES: Record<string, ClaimNote> = {
  iss: {
    name: "Issuer",
    meaning: "Who made the token. A verifier accepts only issuers it trusts.",
  },
  sub: {
    name: "Subject",
    meaning: "Who the token is about: a stable id, never an email that can change or be reused.",
  },
  aud: {
    name: "Audience",
    meaning:
      "Who the token is for. A service refuses a token meant for someone else, so one leaked token doesn't open every door.",
  },
  exp: {
    name: "Expires",
    meaning:
      "After this instant the token is refused. For a stateless token it is the only way it ends, hence short lifetimes.",
    time: true,
  },
  nbf: { name: "Not before", meaning: "Before this instant the token is refused.", time: true },
  iat: { name: "Issued at", meaning: "When the token was made.", time: true },
  jti: {
    name: "Token id",
    meaning: "A unique id for this one token: what a denylist names to revoke it early.",
  },
  nonce: {
    name: "Nonce",
    meaning:
      "OpenID Connect: the random value this browser's sign-in started with. It binds the ID token to that one sign-in, so a stolen one can't be replayed into another.",
  },
  auth_time: {
    name: "Signed in at",
    meaning:
      "OpenID Connect: when the person last actually signed in at the provider. Earlier than the request means the provider remembered them (single sign-on).",
    time: true,
  },
  azp: { name: "Authorized party", meaning: "OpenID Connect: the client the token was issued to." },
  at_hash: {
    name: "Access token hash",
    meaning: "OpenID Connect: half a hash of the access token issued alongside, binding the two.",
  },
  sid: { name: "Session id", meaning: "The provider's own session, for signing out there." },
  email: {
    name: "Email",
    meaning:
      "Identity data, expected in an ID token, which is for the app that asked. An access token may carry it too (RFC 9068 allows identity claims), but anyone holding the token can decode it, so put in only what every holder may read: this app's access tokens carry ids alone.",
  },
  email_verified: {
    name: "Email verified",
    meaning: "Whether the provider checked the address belongs to this person.",
  },
  name: { name: "Name", meaning: "Identity data, as the provider knows it." },
  scope: { name: "Scope", meaning: "What the token allows its holder to do." },
  fam: {
    name: "Refresh family",
    meaning:
      "Auth Lab's own: the sign-in this token descends from, so signing out of it ends its access tokens too (checked verifier).",
  },
  ver: {
    name: "Token version",
    meaning:
      "Auth Lab's own: the person's version when the token was made. “Sign out everywhere” and a password change bump it, and the checked verifier refuses older tokens.",
  },
};
