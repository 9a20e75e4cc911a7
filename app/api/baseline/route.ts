import { z } from "zod";
import { json, jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";

// The benchmark's baseline (npm run bench:http): a route through the same wrapper as every other,
// that authenticates nothing, reads nothing and answers a JSON body of the size asked for (the
// size of the guarded answers it is compared with), so a ratio against it is what a guard costs.

const bytesSchema = z.coerce.number().int().min(0).max(4096);

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "none",
  methods: {
    GET: async (request) => {
      const bytes = bytesSchema.safeParse(new URL(request.url).searchParams.get("bytes") ?? 0);
      if (!bytes.success)
        return jsonError(400, "bad_request", "bytes must be a whole number from 0 to 4096.");
      // {"filler":""} is 13 bytes; the filler makes up the rest.
      return json({ filler: "x".repeat(Math.max(0, bytes.data - 13)) });
    },
  },
});
