import "server-only";
import { type Answer, type Outgoing, send } from "./send";

// A minimal browser for experiments run on the server: requests through ./send.ts with a cookie jar
// per host that honours Path, and redirects followed on request. What a throwaway person does
// here, a visitor could do with curl.

type Stored = { value: string; path: string };

function parseSetCookie(header: string): {
  name: string;
  value: string;
  path: string;
  gone: boolean;
} {
  const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
  const at = pair.indexOf("=");
  const attr = (name: string) =>
    attributes.find((a) => a.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1);
  const maxAge = attr("max-age");
  const expires = attr("expires");
  return {
    name: pair.slice(0, at),
    value: pair.slice(at + 1),
    path: attr("path") ?? "/",
    gone:
      pair.slice(at + 1) === "" ||
      (maxAge !== undefined && Number(maxAge) <= 0) ||
      (expires !== undefined && new Date(expires).getTime() <= Date.now()),
  };
}

export class LabBrowser {
  private jar = new Map<string, Map<string, Stored>>();

  /** The value of a cookie this browser holds for `origin`, whatever its path. */
  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).host)?.get(name)?.value;
  }

  /** Every cookie this browser holds for `origin`, by name, whatever its path. */
  cookies(origin: string): Map<string, string> {
    const held = this.jar.get(new URL(origin).host) ?? new Map<string, Stored>();
    return new Map([...held].map(([name, stored]) => [name, stored.value]));
  }

  /** The Cookie header this browser would send to `url`. */
  cookieHeader(url: string): string {
    const { host, pathname } = new URL(url);
    return [...(this.jar.get(host) ?? new Map<string, Stored>())]
      .filter(([, stored]) => pathname.startsWith(stored.path))
      .map(([name, stored]) => `${name}=${stored.value}`)
      .join("; ");
  }

  private remember(url: string, headers: Headers) {
    const host = new URL(url).host;
    const cookies = this.jar.get(host) ?? new Map<string, Stored>();
    for (const header of headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      if (cookie.gone) cookies.delete(cookie.name);
      else cookies.set(cookie.name, { value: cookie.value, path: cookie.path });
    }
    this.jar.set(host, cookies);
  }

  /** One request with this browser's cookies, its redirect not followed. */
  async request(url: string, outgoing: Outgoing = {}): Promise<Answer> {
    const cookie = this.cookieHeader(url);
    const answer = await send(url, {
      ...outgoing,
      headers: { ...outgoing.headers, ...(cookie ? { cookie } : {}) },
    });
    this.remember(url, answer.headers);
    return answer;
  }

  /** A request, then its redirects (as GETs), to wherever they end. */
  async navigate(url: string, init: Outgoing = {}): Promise<Answer> {
    let answer = await this.request(url, init);
    for (let hops = 0; hops < 10 && answer.status >= 300 && answer.status < 400; hops++) {
      const location = answer.headers.get("location");
      if (!location) break;
      answer = await this.request(new URL(location, answer.url).href);
    }
    return answer;
  }
}
