/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(headers: Headers): string | undefined {
  return /^Bearer[ ]+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
}

/**
 * RFC 6750's WWW-Authenticate challenge: bare when no token came, `invalid_token` (and why, when
 * given) when one came and was refused.
 */
export function bearerChallenge(refused?: { description?: string }): string {
  if (!refused) return "Bearer";
  return refused.description
    ? `Bearer error="invalid_token", error_description="${refused.description}"`
    : 'Bearer error="invalid_token"';
}
