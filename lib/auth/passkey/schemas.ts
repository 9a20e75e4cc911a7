import { z } from "zod";

// What a browser may send back from navigator.credentials (PublicKeyCredential.toJSON()), checked
// before the library sees it: base64url strings of bounded size, the right type, nothing else
// kept. A malformed answer is a 400 and never reaches a verifier (or the challenge store).

const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, "must be base64url");

/** The ceremony id the options answer gave: 32 random bytes, base64url. */
export const ceremonyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "not a ceremony id");

const credentialId = base64url(1366).min(1);
const extensions = z.record(z.string(), z.unknown()).default({});
const attachment = z.enum(["platform", "cross-platform"]).optional();

export const TRANSPORTS = [
  "ble",
  "cable",
  "hybrid",
  "internal",
  "nfc",
  "smart-card",
  "usb",
] as const;

export const registrationResponseSchema = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url(4096).min(1),
    attestationObject: base64url(8192).min(1),
    // Unknown transport names are dropped rather than refused: browsers add new ones.
    transports: z
      .array(z.string().max(32))
      .max(10)
      .optional()
      .transform((list) =>
        list?.filter((name) => (TRANSPORTS as readonly string[]).includes(name)),
      ),
  }),
  clientExtensionResults: extensions,
  authenticatorAttachment: attachment,
});

export const authenticationResponseSchema = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url(4096).min(1),
    authenticatorData: base64url(4096).min(1),
    signature: base64url(1024).min(1),
    userHandle: base64url(256).optional(),
  }),
  clientExtensionResults: extensions,
  authenticatorAttachment: attachment,
});

/** A passkey row's id, as the manage page names it. */
export const passkeyIdSchema = z.string().regex(/^[\w-]{1,64}$/, "not a passkey id");

export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, "Give it a name.")
  .max(60, "At most 60 characters.");

export type RegistrationAnswer = z.output<typeof registrationResponseSchema>;
export type AuthenticationAnswer = z.output<typeof authenticationResponseSchema>;
