import { json } from "@/lib/http/json";
import { internalError, methodNotAllowed } from "@/lib/http/route";
import { labTimeline } from "@/lib/lab/timeline";

// The lab's live timeline (polled): each strategy answers for its own signed-in person.
export async function GET() {
  try {
    return json(await labTimeline());
  } catch (error) {
    return internalError(error);
  }
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
