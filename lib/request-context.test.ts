import { describe, expect, it } from "vitest";
import { parseEnv } from "./env-rules";
import { clientIp, clientIpSource } from "./request-context";
import { SOCKET_ADDRESS_HEADER } from "./socket-address";

// Where a client's address comes from, for each way a deployment can declare it: the headers a
// client writes itself never choose the bucket unless a trusted proxy wrote to their right.

const env = (settings: Record<string, string>) =>
  parseEnv({ ...process.env, NODE_ENV: "test", CLIENT_IP_SOURCE: undefined, ...settings });

const forged = {
  "x-forwarded-for": "6.6.6.6",
  "x-real-ip": "6.6.6.7",
  "x-vercel-forwarded-for": "6.6.6.8",
};

describe("clientIp", () => {
  it("behind one proxy (development's default): the rightmost X-Forwarded-For entry", () => {
    const source = clientIpSource(env({}));
    expect(source).toEqual({ header: "x-forwarded-for", hops: 1 });
    const from = (value: string) => clientIp(new Headers({ "x-forwarded-for": value }), source);
    expect(from("203.0.113.9")).toBe("203.0.113.9");
    expect(from("6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(from("1.1.1.1,2.2.2.2 ,  2001:db8::7")).toBe("2001:db8::7");
  });

  it("behind two proxies: the entry the first proxy wrote", () => {
    const source = clientIpSource(env({ CLIENT_IP_SOURCE: "proxy", TRUSTED_PROXY_HOPS: "2" }));
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientIp(headers, source)).toBe("203.0.113.9");
  });

  it("exposed directly: only the connection's address, whatever the client writes", () => {
    const source = clientIpSource(env({ CLIENT_IP_SOURCE: "socket" }));
    expect(source).toEqual({ header: SOCKET_ADDRESS_HEADER, hops: 1 });
    expect(clientIp(new Headers(forged), source)).toBeNull();
    const recorded = new Headers({ ...forged, [SOCKET_ADDRESS_HEADER]: "198.51.100.4" });
    expect(clientIp(recorded, source)).toBe("198.51.100.4");
  });

  it("on Vercel: the header Vercel's edge writes, nothing else", () => {
    const settings: Record<string, string>[] = [{ VERCEL: "1" }, { CLIENT_IP_SOURCE: "vercel" }];
    for (const setting of settings) {
      const source = clientIpSource(env(setting));
      expect(source.header).toBe("x-vercel-forwarded-for");
      expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6" }), source)).toBeNull();
      const edge = new Headers({
        "x-forwarded-for": "6.6.6.6",
        "x-vercel-forwarded-for": "203.0.113.7",
      });
      expect(clientIp(edge, source)).toBe("203.0.113.7");
    }
  });

  it("gives no address (the shared unknown bucket) for anything that isn't one", () => {
    const source = clientIpSource(env({}));
    for (const value of ["x", "203.0.113.9, x", "", " , ", "999.1.1.1", "::g"])
      expect(clientIp(new Headers({ "x-forwarded-for": value }), source), value).toBeNull();
    expect(clientIp(new Headers(), source)).toBeNull();
  });
});
