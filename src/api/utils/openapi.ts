import { z } from "@medusajs/framework/zod"
import { isMedusaAdminPath, MEDIA_TYPES, toOpenApiPath, type ContractRoute } from "./contract"

type JsonSchema = Record<string, unknown>
type Operation = Record<string, unknown>

export type OpenApiDocument = {
  openapi: "3.1.0"
  info: { title: string; version: string; description: string }
  paths: Record<string, Record<string, Operation>>
  components: Record<string, unknown>
}

const ERROR_REF = { $ref: "#/components/schemas/Error" }

const errorSchema = z.object({
  type: z.string(),
  message: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  request_id: z.string().optional(),
})

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends or receives. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" })
  return rest
}

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: ERROR_REF } } }
}

const IDEMPOTENCY_KEY_PARAMETER = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Makes retries safe: a repeat of a successful request with the same key (per caller and route) and the same parameters and body gets the first response again, with `Idempotent-Replayed: true`, without redoing the work. Failed requests are not remembered. Keys live 24 hours by default (IDEMPOTENCY_KEY_TTL_HOURS).",
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x20-\\x7E]+$" },
}

function parameters(route: ContractRoute): Operation[] {
  const pathParams = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }))
  const headerParams = [
    ...(route.idempotent ? [IDEMPOTENCY_KEY_PARAMETER] : []),
    ...(route.headers ?? []).map((header) => ({ ...header, in: "header", required: false })),
  ]
  if (!route.query) {
    return [...pathParams, ...headerParams]
  }
  const query = jsonSchema(route.query, "input") as {
    properties?: Record<string, JsonSchema>
    required?: string[]
  }
  const queryParams = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: query.required?.includes(name) ?? false,
    schema,
  }))
  return [...pathParams, ...headerParams, ...queryParams]
}

function operation(route: ContractRoute): Operation {
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = response.schema
      ? {
          description: response.description,
          content: {
            [response.contentType ?? "application/json"]: {
              schema: jsonSchema(response.schema, "output"),
            },
          },
        }
      : { description: response.description }
  }
  if (route.body || route.query || route.idempotent) {
    responses["400"] ??= errorResponse(
      route.idempotent
        ? "Invalid input (`errors` lists each field) or Idempotency-Key"
        : "Invalid input; `errors` lists each field"
    )
  }
  responses["401"] ??= errorResponse(
    route.access === "public" ? "The access token sent is invalid" : "No or invalid access token"
  )
  if (route.access === "customer" || route.access === "admin") {
    responses["403"] ??= errorResponse(
      `Signed in, but not as ${route.access === "admin" ? "an admin" : "a customer"}`
    )
  }
  if (route.idempotent) {
    responses["409"] ??= errorResponse(
      "The Idempotency-Key was used with a different request, or a request with it is still in progress"
    )
  }
  responses["429"] ??= errorResponse("Rate limited; see Retry-After and RateLimit-* headers")

  const op: Operation = {
    operationId: `${route.method.toLowerCase()} ${route.path}`,
    summary: route.summary,
    tags: route.tags,
    "x-access": route.access,
    security: securityOf(route),
    parameters: parameters(route),
    responses,
  }
  if (route.body) {
    const schema = jsonSchema(route.body, "input")
    const types = route.bodyTypes ?? ["json"]
    op.requestBody = {
      required: true,
      content: Object.fromEntries(types.map((type) => [MEDIA_TYPES[type], { schema }])),
    }
  }
  return op
}

/** Medusa authenticates /admin routes itself: its dashboard's session cookie works too. */
function securityOf(route: ContractRoute): Record<string, string[]>[] {
  if (isMedusaAdminPath(route.path)) {
    return [{ bearerAuth: [] }, { sessionCookie: [] }]
  }
  return route.access === "public" ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }]
}

/** The OpenAPI 3.1 document of the given contract routes, from their zod schemas. */
export function buildOpenApiDocument(
  routes: ContractRoute[],
  info: { title: string; version: string }
): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {}
  for (const route of routes) {
    const path = toOpenApiPath(route.path)
    paths[path] ??= {}
    paths[path][route.method.toLowerCase()] = operation(route)
  }
  return {
    openapi: "3.1.0",
    info: {
      ...info,
      description:
        "The engine's REST contract. Medusa's own /store, /admin and /auth routes are documented at https://docs.medusajs.com/api.",
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, "output") },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "connect.sid" },
      },
    },
  }
}
