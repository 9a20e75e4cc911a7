import { describe, expect, it } from "vitest";
import {
  changedClaims,
  decodePart,
  encodeEdited,
  splitToken,
  tokenView,
  toBase64Url,
} from "./anatomy";

// Taking a token apart needs no key; re-encoding an unchanged payload keeps its exact bytes.

const header = toBase64Url(JSON.stringify({ alg: "ES256", typ: "at+jwt" }));
const payload = toBase64Url(JSON.stringify({ sub: "u1", exp: 10, name: "Zoë" }));
const token = `${header}.${payload}.c2lnbmF0dXJl`;

describe("token anatomy", () => {
  it("splits a compact JWS into its decoded parts", () => {
    expect(splitToken(token)).toEqual({
      encodedHeader: header,
      encodedPayload: payload,
      signature: "c2lnbmF0dXJl",
      header: { alg: "ES256", typ: "at+jwt" },
      payload: { sub: "u1", exp: 10, name: "Zoë" },
    });
    expect(splitToken("not.a.jwt")).toBeNull();
    expect(splitToken(`${header}.${payload}`)).toBeNull();
    expect(decodePart(toBase64Url("[1,2]"))).toBeNull();
  });

  it("shows the signature cut short and counts each part's bytes", () => {
    expect(tokenView("access", "A token", token)).toMatchObject({
      signaturePreview: "c2lnbm",
      bytes: { header: header.length, payload: payload.length, signature: 12, total: token.length },
    });
  });

  it("keeps the original bytes when an edit means the same, and names what changed", () => {
    expect(encodeEdited(payload, { sub: "u1", exp: 10, name: "Zoë" })).toBe(payload);
    const edited = encodeEdited(payload, { sub: "u2", exp: 10, name: "Zoë" });
    expect(edited).not.toBe(payload);
    expect(decodePart(edited)).toEqual({ sub: "u2", exp: 10, name: "Zoë" });
    expect(changedClaims({ sub: "u1", exp: 10 }, { sub: "u2", exp: 10, role: "admin" })).toEqual([
      "sub",
      "role",
    ]);
  });
});
