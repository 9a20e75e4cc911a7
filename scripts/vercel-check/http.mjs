// A request to a function as Vercel's edge forwards it: to the function's loopback address, with
// the public host, https and the client's address in Vercel's own headers. node:http, because
// fetch won't send a Host header of our choosing.
import http from "node:http";

const CLIENT_IP = "203.0.113.7";

/** `fields` as multipart/form-data: what a browser posts for a form with no JavaScript. */
function multipart(fields) {
  const boundary = `----auth-lab-check-${Date.now().toString(36)}`;
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    payload: `${parts.join("")}--${boundary}--\r\n`,
  };
}

export function send(
  origin,
  pathname,
  { method = "GET", host, headers = {}, body, form, timeoutMs = 30_000 },
) {
  const encoded = form
    ? multipart(form)
    : body === undefined
      ? undefined
      : { type: "application/json", payload: JSON.stringify(body) };
  const payload = encoded?.payload;
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
        ...(encoded === undefined ? {} : { "content-type": encoded.type }),
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
