import { jsonError } from "@/lib/http/json";
import { route } from "@/lib/http/route";

// Unknown API paths answer in the API's own shape, not with the HTML 404 page.
const notFound = async () => jsonError(404, "not_found", "No such API endpoint.");

export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "none",
  methods: { GET: notFound, POST: notFound, PUT: notFound, PATCH: notFound, DELETE: notFound },
});
