"use server";

import { revalidatePath } from "next/cache";
import { getStrategy, strategyIdSchema } from "@/lib/auth/strategies";
import { type FormState, textField } from "@/lib/form-state";
import { createNote, deleteNote, noteBodySchema } from "@/lib/notes";
import { STRATEGIES, type StrategyId } from "@/lib/auth/names";
import { unavailableMessage } from "@/lib/store/errors";

// Both actions re-check the person through the strategy they name: a bound `via` from the
// browser is only a choice of guard, never a grant.

export type NoteFormState = FormState<"body"> & {
  /** Where to sign in again when the sign-in ended while the note was being typed. */
  signInHref?: string;
};

const SIGNED_OUT = "You are signed out under this strategy. Sign in again to continue.";

async function userFor(via: unknown) {
  const id = strategyIdSchema.safeParse(via);
  if (!id.success) return null;
  const strategy = getStrategy(id.data);
  const user = await strategy.currentUser();
  return user && { user, via: id.data };
}

export async function createNoteAction(
  via: string,
  _prev: NoteFormState,
  formData: FormData,
): Promise<NoteFormState> {
  const current = await userFor(via);
  if (!current) {
    const down = strategyIdSchema.safeParse(via).success
      ? await getStrategy(via as StrategyId).unavailable()
      : false;
    const id = strategyIdSchema.safeParse(via);
    return {
      status: "error",
      message: down ? unavailableMessage("redis") : SIGNED_OUT,
      values: { body: textField(formData, "body").slice(0, 4000) },
      signInHref:
        !down && id.success
          ? `${STRATEGIES[id.data].loginPath}?next=${encodeURIComponent(STRATEGIES[id.data].notesPath)}`
          : undefined,
    };
  }
  const body = noteBodySchema.safeParse(textField(formData, "body"));
  if (!body.success) {
    return {
      status: "error",
      fieldErrors: { body: body.error.issues.map((issue) => issue.message) },
      values: { body: textField(formData, "body").slice(0, 4000) },
    };
  }
  await createNote(current.user.id, body.data, current.via);
  revalidatePath("/notes");
  return { status: "success", message: "Note saved." };
}

export async function deleteNoteAction(via: string, formData: FormData): Promise<void> {
  const current = await userFor(via);
  if (!current) return;
  await deleteNote(current.user.id, textField(formData, "id").slice(0, 64));
  revalidatePath("/notes");
}
