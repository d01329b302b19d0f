// The fetch every API client uses: the session's cookies, the CSRF header, one silent renewal, errors as ApiError.
//
// - Cookies carry the session (credentials "same-origin"). Unsafe methods echo the readable
//   `tandem_csrf` cookie in the X-CSRF-Token header.
// - A 401 triggers one POST /api/engagement/session/renewal (shared by concurrent 401s), then one
//   retry of the request.
// - A failed network call throws ApiError(0, « Le serveur ne répond pas… »); any other non-2xx answer
//   throws the ApiError its problem details describe (errors.ts).
import { ApiError, NETWORK_DETAIL, toApiError } from "./errors";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const RENEWAL_PATH = "/api/engagement/session/renewal";

export function csrfToken(): string {
  for (const part of document.cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === "tandem_csrf") return decodeURIComponent(rest.join("="));
  }
  return "";
}

// params become a query string: arrays repeat the key (theme=a&theme=b); null, undefined and "" are left out.
export function queryString(params: Record<string, unknown> | undefined | null): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === null || item === undefined || item === "") continue;
      search.append(key, String(item));
    }
  }
  return search.toString();
}

async function send(request: Request): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.set("Accept", "application/json, application/problem+json");
  if (UNSAFE.has(request.method)) {
    const token = csrfToken();
    if (token) headers.set("X-CSRF-Token", token);
  }
  try {
    return await fetch(new Request(request, { headers, credentials: "same-origin" }));
  } catch {
    throw new ApiError(0, NETWORK_DETAIL);
  }
}

let renewal: Promise<boolean> | null = null;
function renewSession(): Promise<boolean> {
  if (!renewal) {
    renewal = send(new Request(new URL(RENEWAL_PATH, window.location.origin), { method: "POST" }))
      .then((response) => response.ok)
      .catch(() => false)
      .finally(() => {
        renewal = null;
      });
  }
  return renewal;
}

export async function tandemFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  let response = await send(input);
  const path = new URL(input.url).pathname;
  if (response.status === 401 && !path.startsWith("/api/engagement/session")) {
    if (await renewSession()) response = await send(retry);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}
