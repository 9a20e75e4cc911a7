// A request to a function as Vercel's edge forwards it: to the function's loopback address, with
// the public host, https and the client's address in Vercel's own headers. node:http, because
// fetch won't send a Host header of our choosing.
import http from "node:http";

const CLIENT_IP = "203.0.113.7";

export function send(
  origin,
  pathname,
  { method = "GET", host, headers = {}, body, timeoutMs = 30_000 },
) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const url = new URL(pathname, origin);
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method,
      timeout: timeoutMs,
      headers: {
        host,
        "x-forwarded-host": host,
        "x-forwarded-proto": "https",
        "x-forwarded-for": CLIENT_IP,
        "x-real-ip": CLIENT_IP,
        "x-vercel-forwarded-for": CLIENT_IP,
        "user-agent": "auth-lab-vercel-check",
        ...(payload === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
    });
    request.on("timeout", () =>
      request.destroy(new Error(`${method} ${pathname}: no answer in ${timeoutMs / 1000} s`)),
    );
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode,
          headers: response.headers,
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.end(payload);
  });
}

/** The cookies a response sets, as a Cookie header's value (name=value; …). */
export const cookiesFrom = (response) =>
  (response.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; ");

export function jsonOf(response) {
  try {
    return JSON.parse(response.text);
  } catch {
    return undefined;
  }
}
