import { describe, expect, it } from "vitest";
import {
  flagsOf,
  flagsText,
  fromBase64url,
  readAuthenticatorData,
  toBase64url,
} from "./authenticator-data";

describe("authenticator data", () => {
  it("reads the RP ID hash, the flags and the big-endian counter", () => {
    const bytes = new Uint8Array(37);
    bytes.fill(0xab, 0, 32);
    bytes[32] = 0x1d;
    bytes.set([0, 0, 1, 2], 33);
    const data = readAuthenticatorData(bytes);
    expect(data).toMatchObject({ rpIdHash: "ab".repeat(32), flagsByte: 0x1d, counter: 258 });
    expect(data && flagsText(data.flags)).toBe("UP=1 UV=1 BE=1 BS=1");
  });

  it("says nothing of data too short to be authenticator data", () => {
    expect(readAuthenticatorData(new Uint8Array(36))).toBeNull();
  });

  it("names each flag bit", () => {
    expect(flagsOf(0x45)).toEqual({
      UP: true,
      UV: true,
      BE: false,
      BS: false,
      AT: true,
      ED: false,
    });
  });

  it("round-trips base64url without padding", () => {
    const bytes = Uint8Array.from([251, 255, 0, 62, 63]);
    expect(toBase64url(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
    expect(fromBase64url(toBase64url(bytes))).toEqual(bytes);
  });
});
