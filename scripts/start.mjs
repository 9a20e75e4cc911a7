// `npm start`: the production server. Next.js itself, with one thing in front of it: every request
// gets the address of the TCP connection it came in on, in a header no client can set (any value a
// client sends under that name is replaced). With CLIENT_IP_SOURCE=socket (a server exposed
// directly) the app reads the client's address from there, so an X-Forwarded-For written by the
// client never chooses a throttling bucket. (`next start` would pass such a header on untouched:
// it fills X-Forwarded-For only when a request has none.)
//   npm start [-- --port 3000 --hostname 0.0.0.0]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";

// The same name as lib/socket-address.ts (a TypeScript module this plain script can't import).
const SOCKET_ADDRESS_HEADER = "x-auth-lab-socket-address";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
    hostname: { type: "string", short: "H", default: process.env.HOSTNAME ?? "0.0.0.0" },
  },
});
const port = Number(values.port);
process.env.NODE_ENV = "production";
// Tells the app the header above is ours (lib/env.ts refuses CLIENT_IP_SOURCE=socket without it).
process.env.AUTH_LAB_SOCKET_ADDRESS = "recorded";

const app = next({ dev: false, hostname: values.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
// Node closes an idle keep-alive connection after 5 s, and a client that sends on it at that very
// moment gets ECONNRESET. Whatever sits in front (a load balancer, a test's request context) must
// be the side that closes first: keep connections longer than the usual 60 s proxy idle timeout.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, values.hostname, () => {
  console.log(`Auth Lab on http://${values.hostname}:${port}`);
});
