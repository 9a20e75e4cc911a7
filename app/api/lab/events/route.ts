import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { labTimeline } from "@/lib/lab/timeline";

// The lab's live timeline (polled): each strategy answers for its own signed-in person.
export const { GET, POST, PUT, PATCH, DELETE } = route({
  origin: "none",
  methods: { GET: async () => json(await labTimeline()) },
});
