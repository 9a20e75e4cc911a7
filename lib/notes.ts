import "server-only";
import { z } from "zod";
import type { StrategyId } from "@/lib/auth/names";
import { getDb } from "@/lib/db";
import { isPlainText, NOT_PLAIN_TEXT } from "@/lib/text";

// The protected resource. It takes a user id, never a request: who may call it is decided by
// the strategy's guard before any of this runs.

export const NOTE_MAX_LENGTH = 1000;
export const noteBodySchema = z
  .string({ error: "Write something first." })
  .max(NOTE_MAX_LENGTH * 4, `Keep notes under ${NOTE_MAX_LENGTH} characters.`)
  .refine(isPlainText, NOT_PLAIN_TEXT)
  .transform((body) => body.trim())
  .pipe(
    z
      .string()
      .min(1, "Write something first.")
      .max(NOTE_MAX_LENGTH, `Keep notes under ${NOTE_MAX_LENGTH} characters.`),
  );

export type NoteDto = { id: string; body: string; createdVia: string; createdAt: string };

const NOTE_SELECT = { id: true, body: true, createdVia: true, createdAt: true } as const;
const toDto = (note: {
  id: string;
  body: string;
  createdVia: string;
  createdAt: Date;
}): NoteDto => ({
  ...note,
  createdAt: note.createdAt.toISOString(),
});

export async function listNotes(userId: string): Promise<NoteDto[]> {
  const notes = await getDb().note.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: NOTE_SELECT,
  });
  return notes.map(toDto);
}

export async function createNote(userId: string, body: string, via: StrategyId): Promise<NoteDto> {
  return toDto(
    await getDb().note.create({ data: { userId, body, createdVia: via }, select: NOTE_SELECT }),
  );
}

/** False when the note doesn't exist or isn't this person's: the caller can't tell which. */
export async function deleteNote(userId: string, noteId: string): Promise<boolean> {
  const { count } = await getDb().note.deleteMany({ where: { id: noteId, userId } });
  return count > 0;
}
