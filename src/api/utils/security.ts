import helmet from "helmet"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { routingPath } from "./contract"
import { sendError } from "./respond"
import { platformSettings } from "../../config/platform"

const HSTS = "max-age=31536000; includeSubDomains"
/** Probes from load balancers and Prometheus may use plain HTTP inside the network. */
const PLAIN_HTTP_ALLOWED = new Set(["/health", "/ready", "/metrics"])

const configuredApps = new WeakSet<object>()

/**
 * Sets Express's "trust proxy" from TRUST_PROXY once per app (Medusa sets 1 hop, which
 * trusts X-Forwarded-* from any direct client and so lets it fake its IP and scheme). The
 * default trusts no peer: behind a balancer, TRUST_PROXY must name it (docs/SECURITY.md).
 * Also stops Express from announcing itself (X-Powered-By).
 */
export function configureApp(req: MedusaRequest): void {
  if (!configuredApps.has(req.app)) {
    req.app.set("trust proxy", platformSettings().trustProxy)
    req.app.disable("x-powered-by")
    configuredApps.add(req.app)
  }
}

export function trustProxy(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  configureApp(req)
  next()
}

const helmetHeaders = helmet({
  // The admin dashboard and Swagger UI load their own scripts and styles; a CSP fit for
  // them belongs to a later hardening step. JSON responses do not need one.
  contentSecurityPolicy: false,
  crossOriginEmbedderPolicy: false,
  // Storefronts on other origins load product images from /static.
  crossOriginResourcePolicy: { policy: "cross-origin" },
  // Sent below only over HTTPS: on plain HTTP it is meaningless and breaks local setups.
  strictTransportSecurity: false,
  referrerPolicy: { policy: "no-referrer" },
})

/** Sets the headers synchronously (helmet's middleware does, then calls back). */
export function applySecurityHeaders(req: MedusaRequest, res: MedusaResponse): void {
  if (req.secure) {
    res.setHeader("Strict-Transport-Security", HSTS)
  }
  helmetHeaders(req, res, () => undefined)
}

export function securityHeaders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  applySecurityHeaders(req, res)
  next()
}

/**
 * FORCE_HTTPS=true: plain-HTTP requests (as seen through X-Forwarded-Proto from a trusted
 * proxy) are redirected when safe to repeat (GET, HEAD) and refused otherwise, since a
 * redirected POST would resend its body in the clear.
 */
export function enforceHttps(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (
    !platformSettings().forceHttps ||
    req.secure ||
    PLAIN_HTTP_ALLOWED.has(routingPath(req.path))
  ) {
    return next()
  }
  if (req.method === "GET" || req.method === "HEAD") {
    return res.redirect(301, `https://${req.hostname}${req.originalUrl}`)
  }
  sendError(res, 403, { type: "forbidden", message: "HTTPS is required" })
}
