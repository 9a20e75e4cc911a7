import { z } from "zod";
import { registerUser } from "@/lib/auth/register";
import { readJsonBody } from "@/lib/http/body";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { contextFrom } from "@/lib/request-context";

// Registration for scripts and tests: the same rules as the form (lib/auth/register.ts). Field
// problems come back as 400 with the first one in the message and all of them by field.

const body = z
  .object({
    name: z.string().max(1024),
    email: z.string().max(1024),
    password: z.string().max(4096),
  })
  .strict();

async function register(request: Request) {
  const parsed = await readJsonBody(request, body);
  if (!parsed.ok) return parsed.response;
  const result = await registerUser(parsed.data, contextFrom(request.headers));
  if (result.ok) return json({ user: { id: result.userId } }, { status: 201 });
  if (result.throttled)
    return jsonError(429, "too_many_requests", result.throttled.message, {
      "Retry-After": String(result.throttled.retryAfterSeconds),
    });
  const [field, messages] = Object.entries(result.fieldErrors)[0] ?? ["body", ["Invalid."]];
  return json(
    {
      error: { code: "bad_request", message: `${field}: ${messages?.[0] ?? "Invalid."}` },
      fieldErrors: result.fieldErrors,
    },
    { status: 400 },
  );
}

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "strict",
  crossSite: "Cross-site registration is not allowed.",
  methods: { POST: register },
});
