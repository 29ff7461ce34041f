import {
  ApiLoader,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import type { Application, RequestHandler } from "express"
import { inSharedErrorShape } from "./error-shape"
import { ensureRequestContext } from "./request-context"
import { sendError } from "./respond"
import { applySecurityHeaders, configureApp } from "./security"

/**
 * Every response of the server, whichever code answers it (Medusa's authentication and
 * publishable-key checks run before any project middleware and answer directly), gets the
 * request id, the security headers, no X-Powered-By, and errors in the shared shape; a
 * request no route takes is a JSON 404, or a 405 with Allow when the path exists for other
 * methods. docs/SECURITY.md, "Defects fixed (6–11)", item 11.
 */

const prepared = new WeakSet<MedusaResponse>()

export function prepareResponse(req: MedusaRequest, res: MedusaResponse): void {
  if (prepared.has(res)) {
    return
  }
  prepared.add(res)
  configureApp(req)
  ensureTerminalHandler(req.app)
  const requestId = ensureRequestContext(req, res)
  res.removeHeader("X-Powered-By")
  applySecurityHeaders(req, res)
  const json = res.json.bind(res)
  res.json = ((body: unknown) =>
    json(inSharedErrorShape(res.statusCode, body, requestId))) as MedusaResponse["json"]
}

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

let installed = false

/**
 * Medusa's ApiLoader wraps each middleware it registers with `traceMiddleware` (its hook
 * for instrumentation), its own `/admin`, `/store` and `/auth` checks included; the wrapper
 * prepares the response before the first of them runs. Installed while Medusa loads
 * `src/api/middlewares.ts`, i.e. before it registers those checks; an instrumentation
 * wrapper set earlier (OpenTelemetry's) keeps working inside this one.
 */
export function prepareResponsesBeforeMedusa(): void {
  if (installed) {
    return
  }
  installed = true
  const previous = ApiLoader.traceMiddleware
  ApiLoader.traceMiddleware = (handler, route) => {
    const inner = (previous ? previous(handler, route) : handler) as Middleware
    const preparing: Middleware = (req, res, next) => {
      prepareResponse(req, res)
      return inner(req, res, next)
    }
    // The layer keeps the middleware's own name (profiles, route-lanes.ts finds its layer by it).
    Object.defineProperty(preparing, "name", { value: handler.name || "preparing" })
    return preparing as RequestHandler
  }
}

type RouterLayer = {
  handle: unknown
  regexp: RegExp
  route?: { methods: Record<string, boolean> }
}

/** Express 4 keeps the app's middlewares and routes in `_router.stack`, in order. */
function routerStack(app: Application): RouterLayer[] | undefined {
  return (app as unknown as { _router?: { stack?: RouterLayer[] } })._router?.stack
}

/**
 * Keeps answerUnmatched last in the app's stack. It cannot be registered with the other
 * middlewares: Medusa adds routes after them (its error handler, then `/health`), so it is
 * appended on the first request, when every route is in place, and moved back to the end
 * if routes were added since (development reloads).
 */
function ensureTerminalHandler(app: Application): void {
  const stack = routerStack(app)
  if (!stack || stack[stack.length - 1]?.handle === answerUnmatched) {
    return
  }
  const index = stack.findIndex((layer) => layer.handle === answerUnmatched)
  if (index >= 0) {
    stack.splice(index, 1)
  }
  app.use(answerUnmatched as unknown as RequestHandler)
}

/** The methods some route of the app answers on `path` (HEAD with GET, as Express does). */
export function allowedMethods(app: Application, path: string): string[] {
  const methods = new Set<string>()
  for (const layer of routerStack(app) ?? []) {
    if (layer.route && layer.regexp.test(path)) {
      for (const method of Object.keys(layer.route.methods)) {
        if (method !== "_all") {
          methods.add(method.toUpperCase())
        }
      }
    }
  }
  if (methods.has("GET")) {
    methods.add("HEAD")
  }
  return [...methods].sort()
}

const SHOWN_PATH_LENGTH = 200

/** The last handler: no route took the request. */
function answerUnmatched(req: MedusaRequest, res: MedusaResponse): void {
  prepareResponse(req, res)
  const path = req.path.slice(0, SHOWN_PATH_LENGTH)
  const allowed = allowedMethods(req.app, req.path)
  if (!allowed.length) {
    return sendError(res, 404, { type: "not_found", message: `No route for ${req.method} ${path}` })
  }
  const allow = allowed.join(", ")
  if (req.method === "OPTIONS") {
    res.setHeader("Allow", allow)
    res.status(204).end()
    return
  }
  sendError(
    res,
    405,
    { type: "method_not_allowed", message: `${req.method} is not allowed on ${path}` },
    { Allow: allow }
  )
}
