// Every strategy's cookie names, in one plain module that proxy.ts can import too.
// Over HTTPS: `__Host-` where the cookie is for the whole site (the browser then insists on
// Secure, Path=/ and no Domain), `__Secure-` where it has its own path or belongs to Auth.js.

export function cookieNames(https: boolean) {
  return {
    session: https ? "__Host-auth-lab.session" : "auth-lab.session",
    jwtAccess: https ? "__Host-auth-lab.access" : "auth-lab.access",
    jwtRefresh: https ? "__Secure-auth-lab.refresh" : "auth-lab.refresh",
    oauthSession: https ? "__Secure-authjs.session-token" : "authjs.session-token",
  } as const;
}
