import { randomUUID } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { actorOf } from "./auth"
import { findContractRoute, routingPath } from "./contract"
import { observeRequest } from "./metrics"
import { runWithRequestId } from "./tracing"

/** Client-supplied ids are kept only when they cannot inject anything into logs. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/
/** Admin dashboard assets: hundreds per page load, not API traffic. */
const UNLOGGED_PREFIX = "/app"

type Context = { id: string; startedAt: bigint }

const contexts = new WeakMap<MedusaRequest, Context>()

function routeLabel(req: MedusaRequest): string {
  const matched = (req.route as { path?: unknown } | undefined)?.path
  if (typeof matched === "string") {
    return matched
  }
  return findContractRoute(req.method, req.path)?.path ?? "unmatched"
}

function finish(req: MedusaRequest, res: MedusaResponse, context: Context): void {
  const seconds = Number(process.hrtime.bigint() - context.startedAt) / 1e9
  observeRequest({ method: req.method, route: routeLabel(req), status: res.statusCode }, seconds)
  if (routingPath(req.path).startsWith(UNLOGGED_PREFIX)) {
    return
  }
  // Path without the query string: reset links and OAuth callbacks carry secrets there.
  const line = {
    msg: "http_request",
    method: req.method,
    path: req.path,
    status: res.statusCode,
    duration_ms: Math.round(seconds * 1e4) / 10,
    request_id: context.id,
    actor_id: actorOf(req)?.id ?? null,
  }
  req.scope.resolve(ContainerRegistrationKeys.LOGGER).info(JSON.stringify(line))
}

type LevelLogger = Logger & { shouldLog?: (level: string) => boolean }

const quieted = new WeakSet<object>()

/**
 * Medusa's express loader logs every request through morgan at the "http" level (skipped
 * when `logger.shouldLog("http")` is false), and this file logs it again with the request
 * id, the actor and no query string (reset links and OAuth callbacks carry secrets there,
 * which morgan's line keeps). Nothing else in Medusa logs at "http", so the logger is told
 * not to: one line per request, ours. Idempotent.
 */
export function quietMedusaAccessLog(logger: LevelLogger): void {
  const shouldLog = logger.shouldLog
  if (typeof shouldLog !== "function" || quieted.has(logger)) {
    return
  }
  quieted.add(logger)
  logger.shouldLog = (level: string) => level !== "http" && shouldLog.call(logger, level)
}

/**
 * Gives the request its id (X-Request-Id from the client when well formed, else a new
 * UUID), echoes it on the response, makes it Medusa's `req.requestId`, and records one
 * log line and the request metrics when the response is sent. Idempotent: the error
 * handler calls it for requests that failed before the middlewares ran.
 */
export function ensureRequestContext(req: MedusaRequest, res: MedusaResponse): string {
  const existing = contexts.get(req)
  if (existing) {
    return existing.id
  }
  const header = req.headers["x-request-id"]
  const id = typeof header === "string" && WELL_FORMED_ID.test(header) ? header : randomUUID()
  quietMedusaAccessLog(req.scope.resolve(ContainerRegistrationKeys.LOGGER))
  const context = { id, startedAt: process.hrtime.bigint() }
  contexts.set(req, context)
  req.requestId = id
  res.setHeader("X-Request-Id", id)
  res.once("finish", () => finish(req, res, context))
  return id
}

export function requestContext(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  // With tracing on, the rest of the request runs with its id on every span.
  runWithRequestId(req, ensureRequestContext(req, res), next)
}
