import "server-only";
import { redirect } from "next/navigation";
import { type FormState, textField } from "@/lib/form-state";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { isStoreUnavailable, unavailableMessage } from "@/lib/store/errors";
import { readDeviceToken, rememberDevice } from "./device";
import { currentRequestContext, type RequestContext } from "@/lib/request-context";
import type { StrategyId } from "./names";
import {
  checkCredentials,
  INVALID_CREDENTIALS_MESSAGE,
  type SignedInUser,
  throttledMessage,
} from "./sign-in";

// The body of both local strategies' sign-in actions: check the form's credentials, let the
// strategy start its session or tokens, then go where the form said (a path on this site only).

export type SignInFormState = FormState<"email" | "password">;

export async function signInFromForm(
  strategy: Extract<StrategyId, "session" | "jwt">,
  formData: FormData,
  start: (user: SignedInUser, context: RequestContext) => Promise<unknown>,
  fallbackNext: string,
): Promise<SignInFormState> {
  const email = textField(formData, "email");
  const context = await currentRequestContext();
  let result: Awaited<ReturnType<typeof checkCredentials>>;
  try {
    result = await checkCredentials(
      { email, password: textField(formData, "password") },
      strategy,
      context,
      undefined,
      await readDeviceToken(),
    );
  } catch (error) {
    // The throttle's store is down: sign-in fails closed, and says so.
    if (!isStoreUnavailable(error)) throw error;
    return {
      status: "error",
      message: unavailableMessage(error.store),
      values: { email: email.slice(0, 300) },
    };
  }
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? throttledMessage(result.retryAfterSeconds)
        : INVALID_CREDENTIALS_MESSAGE;
    return { status: "error", message, values: { email: email.slice(0, 300) } };
  }
  await rememberDevice(result.user, result.trustedDevice, context);
  await start(result.user, context);
  redirect(safeNextPath(formData.get("next"), fallbackNext));
}
