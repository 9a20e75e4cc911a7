"use server";

import { registerUser, type RegistrationField } from "@/lib/auth/register";
import { type FormState, textField } from "@/lib/form-state";
import { currentRequestContext } from "@/lib/request-context";

export type RegisterState = FormState<RegistrationField>;

export async function register(_prev: RegisterState, formData: FormData): Promise<RegisterState> {
  const input = {
    name: textField(formData, "name"),
    email: textField(formData, "email"),
    password: textField(formData, "password"),
  };
  const values = { name: input.name.slice(0, 200), email: input.email.slice(0, 300) };
  const result = await registerUser(input, await currentRequestContext());
  if (!result.ok) {
    if (result.throttled) return { status: "error", message: result.throttled.message, values };
    return {
      status: "error",
      message: "Check the highlighted fields.",
      fieldErrors: result.fieldErrors,
      values,
    };
  }
  return { status: "success", message: "Your account is ready. Choose how to sign in.", values };
}
