import { getDb } from "@/lib/db";
import { json, jsonError } from "@/lib/http/json";

// Liveness for tests and deploys: 200 only when the database answers.
export async function GET() {
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return json({ status: "ok", database: "reachable" });
  } catch {
    return jsonError(503, "unavailable", "The database is not reachable.");
  }
}
