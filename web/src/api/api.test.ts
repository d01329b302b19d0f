import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, flattenFieldErrors, NETWORK_DETAIL } from "./errors";
import { queryString, tandemFetch } from "./http";

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = "tandem_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
});

describe("problem details", () => {
  it("unwraps webargs' location and keeps nested paths", () => {
    expect(flattenFieldErrors({ json: { email: ["Adresse invalide."], dates: { "0": ["Date passée."] } } })).toEqual({
      email: "Adresse invalide.",
      dates: "Date passée.",
      "dates.0": "Date passée.",
    });
  });

  it("builds the query string: repeated keys, no empty values", () => {
    expect(queryString({ theme: ["a", "b"], q: "", page: 2, x: null })).toBe("theme=a&theme=b&page=2");
  });
});

describe("tandemFetch", () => {
  const url = `${window.location.origin}/api/catalog/missions`;

  it("sends the CSRF cookie on unsafe methods only", async () => {
    document.cookie = "tandem_csrf=jeton";
    const seen: Request[] = [];
    vi.stubGlobal("fetch", vi.fn(async (request: Request) => (seen.push(request), new Response("{}", { status: 200 }))));
    await tandemFetch(new Request(url, { method: "POST", body: "{}" }));
    await tandemFetch(new Request(url));
    expect(seen[0].headers.get("X-CSRF-Token")).toBe("jeton");
    expect(seen[1].headers.get("X-CSRF-Token")).toBeNull();
  });

  it("renews the session once on a 401 and retries the request", async () => {
    const paths: string[] = [];
    vi.stubGlobal("fetch", vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      paths.push(path);
      if (path.endsWith("/renewal")) return new Response(null, { status: 204 });
      return paths.length === 1 ? new Response(null, { status: 401 }) : new Response('{"ok": true}', { status: 200 });
    }));
    const response = await tandemFetch(new Request(url));
    expect(await response.json()).toEqual({ ok: true });
    expect(paths).toEqual(["/api/catalog/missions", "/api/engagement/session/renewal", "/api/catalog/missions"]);
  });

  it("turns a problem into a French ApiError, and a network failure too", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ title: "Unprocessable", detail: "Vérifie les champs.", errors: { json: { q: ["Trop long."] } } }), { status: 422 })));
    const refused = await tandemFetch(new Request(url)).catch((error) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(422);
    expect(refused.message).toBe("Vérifie les champs.");
    expect(refused.fields).toEqual({ q: "Trop long." });
    vi.stubGlobal("fetch", vi.fn(async () => { throw new TypeError("Failed to fetch"); }));
    const offline = await tandemFetch(new Request(url)).catch((error) => error);
    expect(offline.status).toBe(0);
    expect(offline.message).toBe(NETWORK_DETAIL);
  });
});
