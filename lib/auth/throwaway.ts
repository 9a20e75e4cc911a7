// The addresses of throwaway people, one place for those who make them and the purge that
// removes leftovers: demo people (lib/auth/demo.ts) and the interview room's proof people.
export const DEMO_EMAIL_DOMAIN = "@demo.authlab.test";
export const PROOF_EMAIL_DOMAIN = "@proof.authlab.test";
