// The one door to Tandem's HTTP APIs (served by the gateway under /api/<service>/...).
//
//   import { api, ApiError } from "/api.js";
//   const page = await api.get("/api/catalog/missions", { theme: ["environnement"], page: 2 });
//   await api.post("/api/engagement/proposals", { association_id, message });
//   api.put(path, body), api.patch(path, body), api.delete(path)
//
// - JSON in and out; returns the parsed body, or null for 204 (and for an empty body).
// - get(path, params): params become the query string; arrays repeat the key (theme=a&theme=b);
//   null, undefined and "" are left out.
// - Cookies carry the session (credentials "same-origin"). Unsafe methods echo the readable
//   `tandem_csrf` cookie in the X-CSRF-Token header.
// - A 401 triggers one POST /api/engagement/session/renewal, then one retry of the request.
// - Any other failure throws ApiError:
//     error.status  HTTP status (0 when the network failed)
//     error.message / error.detail  the problem's French "detail" (or a French fallback)
//     error.title   the problem's title
//     error.fields  { fieldName: "message" } from the problem's "errors": the first message of each
//                   top-level field, plus dotted paths for nested ones ("dates.0" / "answers.q3")
//     error.body    the whole problem document (or null)
//   fieldError(error, name) returns error.fields[name] or "" — handy in templates.
//
// Every message here is shown to users, so it is French.

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const RENEWAL_PATH = "/api/engagement/session/renewal";
const NETWORK_DETAIL = "Le serveur ne répond pas. Vérifie ta connexion, puis réessaie.";
const GENERIC_DETAIL = "Une erreur inattendue s'est produite. Réessaie dans un instant.";

export class ApiError extends Error {
  constructor(status, detail, { title = "", fields = {}, body = null } = {}) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
    this.title = title;
    this.fields = fields;
    this.body = body;
  }
}

export function fieldError(error, name) {
  return (error && error.fields && error.fields[name]) || "";
}

export function csrfToken() {
  for (const part of document.cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === "tandem_csrf") return decodeURIComponent(rest.join("="));
  }
  return "";
}

export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === null || item === undefined || item === "") continue;
      search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

// {"json": {...}} (webargs' location) is unwrapped; {"dates": {"0": ["…"]}} gives "dates" and "dates.0".
function flattenFieldErrors(errors) {
  const fields = {};
  if (!errors || typeof errors !== "object") return fields;
  const locations = ["json", "query", "form", "path", "view_args"];
  const keys = Object.keys(errors);
  if (keys.length && keys.every((key) => locations.includes(key))) {
    errors = Object.assign({}, ...keys.map((key) => errors[key]));
  }
  const firstMessage = (value) => {
    if (typeof value === "string") return value;
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = firstMessage(item);
        if (found) return found;
      }
      return "";
    }
    if (value && typeof value === "object") {
      for (const item of Object.values(value)) {
        const found = firstMessage(item);
        if (found) return found;
      }
    }
    return "";
  };
  const walk = (value, path) => {
    const message = firstMessage(value);
    if (message && !(path in fields)) fields[path] = message;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
    }
  };
  for (const [key, value] of Object.entries(errors)) walk(value, key);
  return fields;
}

async function toApiError(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const detail = (body && (body.detail || body.title)) || GENERIC_DETAIL;
  return new ApiError(response.status, detail, {
    title: (body && body.title) || "",
    fields: flattenFieldErrors(body && body.errors),
    body,
  });
}

async function send(method, path, body) {
  const headers = { Accept: "application/json, application/problem+json" };
  const init = { method, headers, credentials: "same-origin" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  if (UNSAFE.has(method)) {
    const token = csrfToken();
    if (token) headers["X-CSRF-Token"] = token;
  }
  try {
    return await fetch(path, init);
  } catch {
    throw new ApiError(0, NETWORK_DETAIL);
  }
}

// Concurrent 401s share one renewal.
let renewal = null;
function renewSession() {
  if (!renewal) {
    renewal = send("POST", RENEWAL_PATH)
      .then((response) => response.ok)
      .catch(() => false)
      .finally(() => {
        renewal = null;
      });
  }
  return renewal;
}

async function request(method, path, body) {
  let response = await send(method, path, body);
  if (response.status === 401 && !path.startsWith("/api/engagement/session")) {
    if (await renewSession()) response = await send(method, path, body);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (path, params) => request("GET", path + queryString(params)),
  post: (path, body) => request("POST", path, body),
  put: (path, body) => request("PUT", path, body),
  patch: (path, body) => request("PATCH", path, body),
  delete: (path) => request("DELETE", path),
};
