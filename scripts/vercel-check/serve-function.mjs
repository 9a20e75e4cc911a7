// Serves one built Vercel function over HTTP on 127.0.0.1, the way Vercel's Node runtime calls it:
// the handler module is `require`d from the function's own laid-out files (nothing else on disk
// to fall back on), then every request goes to it. Run by function-server.mjs:
//   node serve-function.mjs <function dir> <handler file> <node|web>
// "node" handlers take (req, res); "web" ones (the proxy, `useWebApi`) take a Request and return
// a Response. The first line on stdout is {"port":N} once listening. A throw that escapes the
// handler ends the process, as it would end the invocation on Vercel.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";

const [dir, handlerFile, style] = process.argv.slice(2);
const require = createRequire(path.join(dir, handlerFile));
const handler = require(path.join(dir, handlerFile));

/** An incoming request as the Request a Web-API handler expects (Vercel gives it the public URL). */
function toRequest(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    for (const one of [value].flat()) headers.append(name, one);
  const hasBody = !["GET", "HEAD"].includes(req.method);
  return new Request(`https://${req.headers.host}${req.url}`, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req), duplex: "half" } : {}),
  });
}

async function sendResponse(response, res) {
  const headers = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) return res.end();
  Readable.fromWeb(response.body).pipe(res);
}

const serve =
  style === "web"
    ? (req, res) => handler(toRequest(req)).then((response) => sendResponse(response, res), crash)
    : (req, res) => Promise.resolve(handler(req, res)).catch(crash);

function crash(error) {
  console.error("function crashed:", error instanceof Error ? error.stack : error);
  process.exit(70);
}
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

// Whoever started this may die without stopping it: its end of stdin closing is the signal.
process.stdin.on("end", () => process.exit(0)).resume();

const server = createServer(serve);
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
