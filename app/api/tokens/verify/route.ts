import { z } from "zod";
import { readJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { verifyPastedToken } from "@/lib/tokens/verify";
import { verifyWithPastedKey } from "@/lib/tokens/verify-with-key";

// The lab's "paste any JWT" verifier: any string in, a verdict in words out (a refusal of the
// token is an answer, 200; a body that isn't `{ token: string }` is a 400). It holds no
// credential, but it is a POST a page makes, so a cross-site one is refused like the rest.

const bodySchema = z.object({
  token: z.string().min(1, "Paste a token first.").max(8192, "That is far longer than any JWT."),
  /** A JWK, a JWKS or a PEM public key to check the signature with, instead of this app's JWKS. */
  key: z.string().max(12_000, "That is far longer than any public key or JWKS.").optional(),
});

async function verify(request: Request) {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const { token, key } = body.data;
  return json(key?.trim() ? await verifyWithPastedKey(token, key) : await verifyPastedToken(token));
}

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  methods: { POST: verify },
});
