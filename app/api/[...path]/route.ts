import { jsonError } from "@/lib/http/json";

// Unknown API paths answer in the API's own shape, not with the HTML 404 page.
const notFound = async () => jsonError(404, "not_found", "No such API endpoint.");

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
