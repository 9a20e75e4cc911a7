// The contract between server actions and their forms (useActionState). Values are echoed so a
// form keeps what was typed after an error; secrets (passwords) never are.

export type FormState<Field extends string = string> = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Partial<Record<Field, string[]>>;
  values?: Partial<Record<Field, string>>;
};

export const idleState = { status: "idle" } as const satisfies FormState;

/** Reads a text field; anything that isn't a string (a file, nothing) becomes "". */
export function textField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}
