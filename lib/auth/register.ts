import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/request-context";
import {
  checkNewPassword,
  emailSchema,
  hashPassword,
  nameSchema,
  passwordShapeSchema,
} from "./credentials";
import { recordEvent } from "./events";
import { registrationBudget, waitText } from "./rate-limit";

export const registrationSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordShapeSchema,
});

export type RegistrationInput = z.input<typeof registrationSchema>;
export type RegistrationField = keyof RegistrationInput;
export type RegistrationResult =
  | { ok: true; userId: string }
  | {
      ok: false;
      fieldErrors: Partial<Record<RegistrationField, string[]>>;
      /** Set when the request was refused before the fields were looked at. */
      throttled?: { retryAfterSeconds: number; message: string };
    };

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

export async function registerUser(
  input: Record<RegistrationField, unknown>,
  context: RequestContext,
): Promise<RegistrationResult> {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  const { name, email, password } = parsed.data;
  // Each registration costs an argon2id hash: counted per address and overall before any work.
  const verdict = await registrationBudget.spend({ ip: context.ip });
  if (verdict.blocked) {
    const message = `Too many new accounts from here. Try again in ${waitText(verdict.retryAfterSeconds)}.`;
    return {
      ok: false,
      fieldErrors: {},
      throttled: { retryAfterSeconds: verdict.retryAfterSeconds, message },
    };
  }
  const weakness = await checkNewPassword(password, { email, name });
  if (weakness) return { ok: false, fieldErrors: { password: [weakness] } };

  // Cheap pre-check so a taken address doesn't cost an argon2 hash; the unique index decides.
  const existing = await getDb().user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return { ok: false, fieldErrors: { email: [EMAIL_TAKEN] } };

  try {
    const user = await getDb().user.create({
      data: { name, email, passwordHash: await hashPassword(password) },
      select: { id: true },
    });
    await recordEvent({ type: "register", strategy: "account", userId: user.id, context });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, fieldErrors: { email: [EMAIL_TAKEN] } };
    }
    throw error;
  }
}
