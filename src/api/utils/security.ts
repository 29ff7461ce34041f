import helmet from "helmet"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendError } from "./respond"
import { platformSettings } from "../../config/platform"

const HSTS = "max-age=31536000; includeSubDomains"
/** Probes from load balancers and Prometheus may use plain HTTP inside the network. */
const PLAIN_HTTP_ALLOWED = new Set(["/health", "/ready", "/metrics"])

const configuredApps = new WeakSet<object>()

/**
 * Sets Express's "trust proxy" from TRUST_PROXY once (Medusa sets 1 hop, which trusts
 * X-Forwarded-* from any direct client and so lets it fake its IP and scheme). The
 * default trusts only loopback and private-network peers, i.e. a proxy next to us.
 */
export function trustProxy(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!configuredApps.has(req.app)) {
    req.app.set("trust proxy", platformSettings().trustProxy)
    configuredApps.add(req.app)
  }
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
  if (!platformSettings().forceHttps || req.secure || PLAIN_HTTP_ALLOWED.has(req.path)) {
    return next()
  }
  if (req.method === "GET" || req.method === "HEAD") {
    return res.redirect(301, `https://${req.hostname}${req.originalUrl}`)
  }
  sendError(res, 403, { type: "forbidden", message: "HTTPS is required" })
}
