import { z } from "@medusajs/framework/zod"
import type { ContractRoute } from "../utils/contract"
import { SWAGGER_ASSETS } from "../docs/[asset]/validators"

const dependencyCheck = z.object({
  status: z.enum(["up", "down"]),
  latency_ms: z.number(),
  error: z.string().optional(),
})

const readiness = z.object({
  status: z.enum(["ready", "unavailable"]),
  checks: z.object({ database: dependencyCheck, redis: dependencyCheck.optional() }),
})

/** Operations routes: readiness, metrics and the API's own documentation. */
export const operationsContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/ready",
    summary: "Readiness: PostgreSQL (and Redis when configured) answer",
    tags: ["Operations"],
    access: "public",
    responses: {
      200: { description: "Ready to serve", schema: readiness },
      503: { description: "A dependency is down; `checks` says which", schema: readiness },
    },
  },
  {
    method: "GET",
    path: "/metrics",
    summary: "Prometheus metrics of this process",
    tags: ["Operations"],
    access: "metrics-token",
    responses: {
      200: {
        description: "Prometheus text exposition format",
        schema: z.string(),
        contentType: "text/plain; version=0.0.4",
      },
    },
  },
  {
    method: "GET",
    path: "/openapi.json",
    summary: "This OpenAPI 3.1 document",
    tags: ["Operations"],
    access: "public",
    responses: { 200: { description: "The document", schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: "GET",
    path: "/docs",
    summary: "Swagger UI for this document",
    tags: ["Operations"],
    access: "public",
    responses: { 200: { description: "HTML page", schema: z.string(), contentType: "text/html" } },
  },
  {
    method: "GET",
    path: "/docs/:asset",
    summary: "Swagger UI's scripts and styles",
    tags: ["Operations"],
    access: "public",
    responses: {
      200: { description: `One of ${SWAGGER_ASSETS.join(", ")}` },
      404: { description: "Not one of the UI's files" },
    },
  },
]
