import { describe, expect, it } from "vitest";
import { needsFor, needsOf, needsSentence } from "./catalogue";
import { ago, describeSessionEnding } from "./ended";

// A part or result that can't run says why (what is missing in this browser, and what ended it)
// and the way forward, never only "sign in".

const NOW = Date.parse("2026-01-01T12:00:00Z");
const secondsAgo = (seconds: number) => new Date(NOW - seconds * 1000);

describe("why a credential is over, in words", () => {
  it("says how long ago", () => {
    expect(ago(secondsAgo(20), NOW)).toBe("20 s ago");
    expect(ago(secondsAgo(600), NOW)).toBe("10 min ago");
    expect(ago(secondsAgo(3 * 3600), NOW)).toBe("3 h ago");
  });

  it("names the expiry experiment when it shortened the session", () => {
    const lab = { reason: "idle", endedAt: secondsAgo(20), shortenedByLab: true } as const;
    expect(describeSessionEnding(lab, NOW)).toMatch(
      /^Your server session ended 20 s ago because of the expiry experiment/,
    );
    expect(describeSessionEnding({ ...lab, shortenedByLab: false }, NOW)).toBe(
      "Your server session ended 20 s ago: it went unused for longer than its idle timeout",
    );
    expect(
      describeSessionEnding({ reason: "ended", endedAt: null, shortenedByLab: false }),
    ).toMatch(/was ended elsewhere/);
  });
});

describe("needs, with their cause", () => {
  const cause = "Your server session ended 20 s ago because of the expiry experiment";
  const ended = {
    session: false,
    jwt: false,
    oauth: false,
    oauthOffered: true,
    ended: { session: cause },
  };

  it("puts the cause before the way forward, for a part and an experiment that needed the session", () => {
    expect(needsFor("session-or-oauth", ended)).toEqual({
      text: "sign in again",
      href: "/oauth/login?next=/lab",
      cause,
    });
    const hybrid = needsOf("hybrid", ended);
    expect(hybrid && needsSentence(hybrid)).toBe(`${cause}: sign in again.`);
  });

  it("is ready when another credential meets the need, and plain when nothing ended", () => {
    expect(needsFor("session-or-oauth", { ...ended, oauth: true })).toBeNull();
    expect(needsFor("jwt", ended)).toEqual({
      text: "sign in with JWT first",
      href: "/jwt/login?next=/lab",
    });
    const plain = needsFor("session-or-jwt", { ...ended, ended: {} });
    expect(plain && needsSentence(plain)).toBe("Sign in with a server session or a JWT first.");
  });
});
