// The one door to Tandem's HTTP APIs: a typed client per service, generated from the six checked-in
// openapi.json documents (schema/, `npm run api:generate`).
//
//   import { catalog, engagement, data } from "@/api";
//   const page = await data(catalog.GET("/missions", { params: { query: { theme: ["environnement"], page: 2 } } }));
//   await data(engagement.POST("/proposals", { body: { association_id, message } }));
//
// data(call) returns the parsed body (null for 204 / an empty body) or throws ApiError (errors.ts):
// the fetch underneath (http.ts) adds the CSRF header, renews the session once on a 401 and turns
// problem details into French messages.
import createClient, { type Client } from "openapi-fetch";
import { tandemFetch, queryString } from "./http";
import type { paths as CatalogPaths } from "./schema/catalog";
import type { paths as EngagementPaths } from "./schema/engagement";
import type { paths as ApprovalPaths } from "./schema/approval";
import type { paths as DocumentsPaths } from "./schema/documents";
import type { paths as NotifierPaths } from "./schema/notifier";
import type { paths as QuizPaths } from "./schema/quiz";
import type { paths as ImpactPaths } from "./schema/impact";
import type { components as CatalogComponents } from "./schema/catalog";
import type { components as EngagementComponents } from "./schema/engagement";
import type { components as ApprovalComponents } from "./schema/approval";
import type { components as DocumentsComponents } from "./schema/documents";
import type { components as ImpactComponents } from "./schema/impact";

/** The services' named schemas, e.g. CatalogSchemas["MissionWrite"], for the refs and helpers of pages. */
export type CatalogSchemas = CatalogComponents["schemas"];
export type EngagementSchemas = EngagementComponents["schemas"];
export type ApprovalSchemas = ApprovalComponents["schemas"];
export type DocumentsSchemas = DocumentsComponents["schemas"];
export type ImpactSchemas = ImpactComponents["schemas"];

export { ApiError, fieldError, type FieldErrors } from "./errors";
export { csrfToken, queryString } from "./http";

function serviceClient<Paths extends {}>(service: string): Client<Paths> {
  return createClient<Paths>({
    baseUrl: `${window.location.origin}/api/${service}`,
    fetch: tandemFetch,
    querySerializer: (query) => queryString(query as Record<string, unknown>),
  });
}

export const catalog = serviceClient<CatalogPaths>("catalog");
export const engagement = serviceClient<EngagementPaths>("engagement");
export const approval = serviceClient<ApprovalPaths>("approval");
export const documents = serviceClient<DocumentsPaths>("documents");
export const notifier = serviceClient<NotifierPaths>("notifier");
export const quiz = serviceClient<QuizPaths>("quiz");
export const impact = serviceClient<ImpactPaths>("impact");

/** The body of a successful call (null for 204 or an empty body); failures were thrown as ApiError already. */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const result = await call;
  return (result.data ?? null) as T;
}
