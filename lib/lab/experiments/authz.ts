import "server-only";
import { attackVerdict, type Verdict } from "./result";
import { type Probe, redactCredential, selfRequestWithBody } from "@/lib/lab/client/probe";

// Authentication is not authorization: two people, both signed in; one tries to delete the
// other's note by its id. A valid session proves who, not what they may touch.

export async function authzExperiment(
  owner: string,
  intruder: string,
): Promise<{ probes: Probe[]; verdict: Verdict }> {
  const as = (cookie: string, who: string) => ({
    headers: { cookie },
    sent: [{ name: "Cookie", value: `${who}'s session: ${redactCredential(cookie)}` }],
    curlHeaders: { cookie: `$${who.toUpperCase()}_SESSION_COOKIE` },
  });
  const created = await selfRequestWithBody({
    label: "Alice writes a note",
    method: "POST",
    path: "/api/session/notes",
    json: { body: "Alice's private note" },
    expected: 201,
    ...as(owner, "alice"),
  });
  const id = String((created.body?.note as { id?: string } | undefined)?.id ?? "missing");
  const stolen = await selfRequestWithBody({
    label: "Bob, signed in, deletes Alice's note by its id",
    method: "DELETE",
    path: `/api/session/notes/${id}`,
    expected: 404,
    ...as(intruder, "bob"),
  });
  const still = await selfRequestWithBody({
    label: "Alice lists her notes",
    method: "GET",
    path: "/api/session/notes",
    expected: 200,
    ...as(owner, "alice"),
  });
  const notes = (still.body?.notes as { id: string }[] | undefined) ?? [];
  const survived = notes.some((note) => note.id === id);
  const refused = stolen.probe.status === 404 && survived;
  return {
    probes: [created.probe, stolen.probe, still.probe],
    verdict: attackVerdict(refused, {
      refused: [
        "Authenticated, not authorized",
        "Bob's session is valid, so he is authenticated; the note is not his, so the delete is refused (404, so ids don't leak) and Alice's note survives. Every access checks ownership, object by object.",
      ],
      worked: [
        "Broken object-level authorization",
        "A signed-in person acted on someone else's note by its id.",
      ],
    }),
  };
}
