// The addresses of throwaway people, one place for those who make them and the purge that
// removes leftovers: demo people (lib/auth/demo.ts) and experiments' (lib/lab/people.ts).
export const DEMO_EMAIL_DOMAIN = "@demo.authlab.test";
export const THROWAWAY_EMAIL_DOMAIN = "@throwaway.authlab.test";
