// Problem details (RFC 9457) turned into ApiError, with French messages: every message here is shown to users.
//
//   error.status  HTTP status (0 when the network failed)
//   error.message / error.detail  the problem's French "detail" (or a French fallback)
//   error.title   the problem's title
//   error.fields  { fieldName: "message" } from the problem's "errors": the first message of each
//                 top-level field, plus dotted paths for nested ones ("dates.0" / "answers.q3")
//   error.body    the whole problem document (or null)
//   fieldError(error, name) returns error.fields[name] or "" — handy in templates.

export const NETWORK_DETAIL = "Le serveur ne répond pas. Vérifie ta connexion, puis réessaie.";
export const GENERIC_DETAIL = "Une erreur inattendue s'est produite. Réessaie dans un instant.";

export type FieldErrors = Record<string, string>;

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: unknown;
  [key: string]: unknown;
}

export class ApiError extends Error {
  status: number;
  detail: string;
  title: string;
  fields: FieldErrors;
  body: Problem | null;

  constructor(status: number, detail: string, { title = "", fields = {}, body = null }: { title?: string; fields?: FieldErrors; body?: Problem | null } = {}) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
    this.title = title;
    this.fields = fields;
    this.body = body;
  }
}

export function fieldError(error: unknown, name: string): string {
  return (error instanceof ApiError && error.fields[name]) || "";
}

const LOCATIONS = ["json", "query", "form", "path", "view_args"];

function firstMessage(value: unknown): string {
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
}

// {"json": {...}} (webargs' location) is unwrapped; {"dates": {"0": ["…"]}} gives "dates" and "dates.0".
export function flattenFieldErrors(errors: unknown): FieldErrors {
  const fields: FieldErrors = {};
  if (!errors || typeof errors !== "object" || Array.isArray(errors)) return fields;
  let byField = errors as Record<string, unknown>;
  const keys = Object.keys(byField);
  if (keys.length && keys.every((key) => LOCATIONS.includes(key))) {
    byField = Object.assign({}, ...keys.map((key) => byField[key]));
  }
  const walk = (value: unknown, path: string) => {
    const message = firstMessage(value);
    if (message && !(path in fields)) fields[path] = message;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
    }
  };
  for (const [key, value] of Object.entries(byField)) walk(value, key);
  return fields;
}

export async function toApiError(response: Response): Promise<ApiError> {
  let body: Problem | null = null;
  try {
    body = (await response.json()) as Problem;
  } catch {
    body = null;
  }
  const detail = body?.detail || body?.title || GENERIC_DETAIL;
  return new ApiError(response.status, detail, { title: body?.title || "", fields: flattenFieldErrors(body?.errors), body });
}
