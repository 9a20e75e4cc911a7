import { partNeeds, type SignedIn } from "@/lib/lab/catalogue";
import { NeedsNote } from "./needs-note";

/** What a lab part still needs from this browser, with the link to get it; nothing when ready. */
export function NeedsLink({ id, signedIn }: { id: string; signedIn: SignedIn }) {
  return <NeedsNote needs={partNeeds(id, signedIn)} testId="part-needs" />;
}
