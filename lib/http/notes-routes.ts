import "server-only";
import { z } from "zod";
import type { StrategyId } from "@/lib/auth/names";
import { createNote, deleteNote, listNotes, noteBodySchema } from "@/lib/notes";
import { readJsonBody } from "./body";
import { json, jsonError } from "./json";
import { type Authenticator, authedRoute, methodNotAllowed } from "./route";

// The notes REST API, identical for every strategy but for the guard in front of it.

const createNoteBody = z.object({ body: noteBodySchema }).strict();
type ItemContext = { params: Promise<{ id: string }> };

export function notesCollectionRoutes(strategy: StrategyId, authenticate: Authenticator) {
  const notAllowed = methodNotAllowed(["GET", "POST"]);
  return {
    GET: authedRoute(strategy, authenticate, async (_request, { user }) =>
      json({ notes: await listNotes(user.id) }),
    ),
    POST: authedRoute(strategy, authenticate, async (request, { user }) => {
      const body = await readJsonBody(request, createNoteBody);
      if (!body.ok) return body.response;
      return json({ note: await createNote(user.id, body.data.body, strategy) }, { status: 201 });
    }),
    PUT: notAllowed,
    PATCH: notAllowed,
    DELETE: notAllowed,
  };
}

export function noteItemRoutes(strategy: StrategyId, authenticate: Authenticator) {
  const notAllowed = methodNotAllowed(["DELETE"]);
  return {
    DELETE: authedRoute<ItemContext>(
      strategy,
      authenticate,
      async (_request, { user }, { params }) => {
        const { id } = await params;
        // 404 whether the note is missing or someone else's: ids don't leak.
        if (!(await deleteNote(user.id, id.slice(0, 64))))
          return jsonError(404, "not_found", "No such note.");
        return new Response(null, { status: 204 });
      },
    ),
    GET: notAllowed,
    POST: notAllowed,
    PUT: notAllowed,
    PATCH: notAllowed,
  };
}
