import type { Provenance } from "@/lib/auth/proof";
import type { Authenticator as RouteAuthenticator, GuardedUser } from "@/lib/http/route";

// The strategies' guards in the shape route() takes (lib/http/route-guard.ts), with what they know
// of the person: a stateless JWT check knows only the id; a guard that read the credential's row
// says which proof it came from (an exchange copies it, never makes it newer).

export type AuthedUser = GuardedUser & {
  email?: string;
  name?: string | null;
  provenance?: Provenance;
};

export type Authenticator = RouteAuthenticator<AuthedUser>;
