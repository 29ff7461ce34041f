import type { z } from "@medusajs/framework/zod"

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

/**
 * Who may call a route. `public` routes still refuse a bad token (401): a client that
 * sends credentials learns they are wrong instead of being silently treated as anonymous.
 * `metrics-token` routes take the static METRICS_TOKEN instead of a user's token (scrapers
 * cannot renew short-lived JWTs); without METRICS_TOKEN they are public.
 */
export type Access = "public" | "authenticated" | "customer" | "admin" | "metrics-token"

export type BodyType = "json" | "form" | "multipart"

export const MEDIA_TYPES: Record<BodyType, string> = {
  json: "application/json",
  form: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
}

export type ContractResponse = {
  description: string
  schema?: z.ZodType
  /** Defaults to application/json when a schema is given. */
  contentType?: string
}

/**
 * One route of the engine's REST contract. The same definition drives the route's
 * middlewares (auth, rate limit, content type, validation) and its OpenAPI operation, so
 * what is documented is what is enforced.
 */
export type ContractRoute = {
  method: HttpMethod
  /** Express/Medusa matcher, e.g. "/products/:id". */
  path: string
  summary: string
  tags: string[]
  access: Access
  body?: z.ZodObject
  /** Accepted request body types; defaults to JSON when the route has a body. */
  bodyTypes?: BodyType[]
  query?: z.ZodObject
  /**
   * `auth`: stricter per-IP and per-IP+account limits (register, forgot-password, reset).
   * `login`: the per-IP limit and the account's failed sign-in throttle (only failures
   * count; the route calls `loginSucceeded` on success).
   */
  rateLimit?: "auth" | "login"
  /**
   * The route takes an optional `Idempotency-Key` header (its handler answers through
   * `runIdempotent`, src/api/utils/idempotency.ts); documented in OpenAPI with its 409.
   */
  idempotent?: true
  responses: Record<number, ContractResponse>
  /** Request headers the route reads, documented as OpenAPI header parameters. */
  headers?: { name: string; description: string; schema: Record<string, unknown> }[]
}

/** Path prefixes that belong to the engine's contract as a whole. */
export const CONTRACT_PREFIXES = ["/users", "/products", "/cart", "/orders", "/payments"]

type CompiledRoute = { route: ContractRoute; pattern: RegExp }

const registered: CompiledRoute[] = []

/**
 * Express matches routes case-insensitively (`GET /PRODUCTS` runs the `/products` route), so
 * every decision made on a path (rate limits, the actor, CORS, the error shape, metrics)
 * matches the same way: patterns ignore case and prefixes compare the lower-cased path.
 */
export function routingPath(path: string): string {
  return path.toLowerCase()
}

function compile(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) =>
      segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    )
    .join("/")
  return new RegExp(`^${source}/?$`, "i")
}

/** Records the contract's routes so errors, CORS and auth know which paths are ours. */
export function registerContractRoutes(routes: ContractRoute[]): void {
  for (const route of routes) {
    if (!registered.some((entry) => entry.route === route)) {
      registered.push({ route, pattern: compile(route.path) })
    }
  }
}

export function isContractPath(path: string): boolean {
  const routed = routingPath(path)
  return (
    CONTRACT_PREFIXES.some((prefix) => routed === prefix || routed.startsWith(`${prefix}/`)) ||
    registered.some((entry) => entry.pattern.test(path))
  )
}

/**
 * Medusa's admin namespace. Medusa authenticates every /admin route itself (dashboard
 * session cookie, Bearer token or secret API key, admin users only) and applies the admin
 * CORS before any project middleware, so the engine's /admin routes take the actor Medusa
 * set instead of reading the Bearer token again, and get no store CORS.
 */
export function isMedusaAdminPath(path: string): boolean {
  const routed = routingPath(path)
  return routed === "/admin" || routed.startsWith("/admin/")
}

/** The registered route a request is for; static paths win over parameterised ones. */
export function findContractRoute(method: string, path: string): ContractRoute | undefined {
  const wanted = method.toUpperCase()
  const matches = registered.filter(
    (entry) => entry.route.method === wanted && entry.pattern.test(path)
  )
  return (matches.find((entry) => !entry.route.path.includes(":")) ?? matches[0])?.route
}

/** Express-style path to OpenAPI style: "/products/:id" → "/products/{id}". */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")
}
