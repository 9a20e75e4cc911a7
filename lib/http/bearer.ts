/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(headers: Headers): string | undefined {
  return /^Bearer[ ]+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
}
