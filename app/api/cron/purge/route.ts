import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { bearerToken } from "@/lib/http/bearer";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { purgeExpired } from "@/lib/purge";

// Vercel's cron (vercel.json) purges expired rows here, since a serverless deployment has no
// long-running process with a timer. Only a caller holding CRON_SECRET may: Vercel sends it as a
// Bearer token. A GET with no cookie, so the Origin rule has nothing to do.

const digest = (text: string) => createHash("sha256").update(text).digest();

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "none",
  methods: {
    GET: async (request) => {
      const secret = getEnv().CRON_SECRET;
      if (!secret) return jsonError(404, "not_found", "There is no scheduled purge here.");
      const sent = bearerToken(request.headers) ?? "";
      // Equal-length digests: the comparison takes the same time whatever was sent.
      if (!timingSafeEqual(digest(sent), digest(secret)))
        return jsonError(401, "unauthorized", "Send the cron secret as a Bearer token.");
      return json({ purged: await purgeExpired() });
    },
  },
});
