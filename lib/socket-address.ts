// The header scripts/start.mjs writes on every request with the address of the connection it came
// in on, replacing anything a client sent under that name. A plain module: the start script's
// comment and lib/request-context.ts name the same header.
export const SOCKET_ADDRESS_HEADER = "x-auth-lab-socket-address";
