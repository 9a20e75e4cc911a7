import { z } from "zod";
import { readJsonBody } from "@/lib/http/body";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { checkEditedSignature } from "@/lib/tokens/sources";

// The token viewer's live check: the header and payload as the visitor edited them, in front of
// the signature of their own token. It never signs: the only combination that verifies is the
// one the issuer made.

const part = z
  .string()
  .max(4096)
  .regex(/^[\w-]*$/, "base64url only");
const bodySchema = z.object({
  source: z.enum(["access", "id-token"]),
  header: part,
  payload: part,
});

async function checkSignature(request: Request) {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const check = await checkEditedSignature(body.data.source, body.data.header, body.data.payload);
  if (!check)
    return jsonError(404, "not_found", "This browser holds no such token. Sign in first.");
  return json(check);
}

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  methods: { POST: checkSignature },
});
