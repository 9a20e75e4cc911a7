import { describe, expect, it } from "vitest";
import { HYBRID_FLOWS } from "@/app/lab/_components/flows/hybrid";
import { EXPERIMENT_REGISTRY } from "@/lib/lab/experiments";
import { PAYLOAD_NOTES } from "@/lib/tokens/claims";
import { CHECKLIST, QUESTIONS } from "./questions";

// What an auth expert would correct, held as the lessons now say it: identity claims are allowed
// in an access token (RFC 9068), the advice is about what every holder can read; PKCE is a MUST
// for public clients and a SHOULD for confidential ones (RFC 9700); a browser app's recommended
// shape is a backend-for-frontend; a signing key is published before it signs.

const everything = [
  ...QUESTIONS.flatMap((q) => [q.question, q.answer, q.wrongAnswer, q.whyWrong, q.proves]),
  ...CHECKLIST,
  ...Object.values(PAYLOAD_NOTES).map((note) => note.meaning),
  ...Object.values(EXPERIMENT_REGISTRY).flatMap((info) =>
    "lab" in info && "card" in info.lab ? Object.values(info.lab.card) : [],
  ),
].join("\n");

describe("the lessons, as an auth expert reads them", () => {
  it("never says identity data has no place in an access token", () => {
    expect(everything).not.toMatch(/no place in an access token/i);
    expect(everything).not.toMatch(/never secrets or personal data/i);
    expect(PAYLOAD_NOTES.email?.meaning).toMatch(/RFC 9068 allows identity claims/);
  });

  it("says PKCE is for confidential clients too", () => {
    const pkce = QUESTIONS.find((q) => q.id === "authorization-code-with-pkce");
    expect(pkce?.answer).toMatch(/public clients MUST use PKCE.*confidential clients SHOULD/);
    expect(everything).not.toMatch(/PKCE is (only )?for public clients/i);
  });

  it("recommends a backend-for-frontend, and draws the JavaScript-held refresh token as the risk", () => {
    const [first, second] = HYBRID_FLOWS;
    expect(first?.title).toMatch(/^Recommended .*backend-for-frontend/);
    expect(JSON.stringify(first?.steps)).toMatch(/never sent to the browser/);
    expect(JSON.stringify(first?.steps)).not.toMatch(/refresh token/i);
    expect(second?.title).toMatch(/riskier variant/);
  });

  it("publishes a signing key before signing with it", () => {
    const rotation = QUESTIONS.find((q) => q.id === "signing-key-rotation");
    expect(rotation?.answer).toMatch(/publish it at least one JWKS cache lifetime before signing/);
    expect(EXPERIMENT_REGISTRY["key-rotation"].lab.card.lesson).toMatch(/^Publish first/);
  });
});
