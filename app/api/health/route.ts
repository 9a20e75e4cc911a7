import { databaseReachable } from "@/lib/health";
import { json, jsonError } from "@/lib/http/json";

// Liveness for tests and deploys: 200 only when the database answers.
export async function GET() {
  if (await databaseReachable()) return json({ status: "ok", database: "reachable" });
  return jsonError(503, "unavailable", "The database is not reachable.");
}
