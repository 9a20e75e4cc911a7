import "server-only";
import { z } from "zod";
import type { StrategyId } from "@/lib/auth/names";
import { readJsonBody } from "@/lib/http/body";
import { json, jsonError } from "@/lib/http/json";
import { type OriginRule, route } from "@/lib/http/route";
import { createNote, deleteNote, listNotes, noteBodySchema } from "@/lib/notes";
import type { Authenticator } from "./authenticator";

// The notes REST API, identical for every strategy but for the guard in front of it (and the
// Origin rule that goes with the guard: a Bearer token exempts where it is what authenticates).

const createNoteBody = z.object({ body: noteBodySchema }).strict();
type ItemContext = { params: Promise<{ id: string }> };
type NotesRoute = {
  strategy: StrategyId;
  /** Notes are written with whatever authenticates: a cookie always needs the Origin check. */
  origin: Exclude<OriginRule, "none">;
  auth: Authenticator;
};

export function notesCollectionRoutes({ strategy, origin, auth }: NotesRoute) {
  return route({
    strategy,
    origin,
    auth,
    methods: {
      GET: async (_request, { user }) => json({ notes: await listNotes(user.id) }),
      POST: async (request, { user }) => {
        const body = await readJsonBody(request, createNoteBody);
        if (!body.ok) return body.response;
        return json({ note: await createNote(user.id, body.data.body, strategy) }, { status: 201 });
      },
    },
  });
}

export function noteItemRoutes({ strategy, origin, auth }: NotesRoute) {
  return route({
    strategy,
    origin,
    auth,
    methods: {
      DELETE: async (_request, { user }, { params }: ItemContext) => {
        const { id } = await params;
        // 404 whether the note is missing or someone else's: ids don't leak.
        if (!(await deleteNote(user.id, id.slice(0, 64))))
          return jsonError(404, "not_found", "No such note.");
        return new Response(null, { status: 204 });
      },
    },
  });
}
