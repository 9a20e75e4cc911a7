// How the downstream service (app/api/downstream) caches the app's JWKS, as any JWKS client does:
// kept this long, and refetched on an unknown kid at most once per cooldown. A short cooldown lets
// the lab's key rotation be watched live; a token with a made-up kid costs at most one fetch of
// our own JWKS per second per instance.
export const DOWNSTREAM_JWKS_CACHE_SECONDS = 60;
export const DOWNSTREAM_JWKS_COOLDOWN_MS = 1000;
