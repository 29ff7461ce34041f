import cors from "cors"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseCorsOrigins } from "@medusajs/framework/utils"
import { isContractPath, isMedusaAdminPath } from "./contract"
import { sendError } from "./respond"
import { platformSettings } from "../../config/platform"

const EXPOSED_HEADERS = [
  "X-Request-Id",
  "Retry-After",
  "RateLimit-Limit",
  "RateLimit-Remaining",
  "RateLimit-Reset",
  "Idempotent-Replayed",
  // Browsers revalidate on their own; a client that keeps answers itself reads the tag.
  "ETag",
]

function originMatches(allowed: (string | RegExp)[], origin: string): boolean {
  return allowed.some((entry) =>
    typeof entry === "string" ? entry === origin : entry.test(origin)
  )
}

/**
 * CORS for the engine's root paths (Medusa applies its own to /store, /admin and /auth
 * only), from STORE_CORS. A `*` entry allows any origin but then without credentials:
 * browsers refuse credentialed requests to a wildcard, and reflecting every origin with
 * credentials would hand any site the user's session.
 */
export function contractCors() {
  const allowed = parseCorsOrigins(platformSettings().storeCors)
  const wildcard = allowed.includes("*")
  const handler = cors({
    origin: wildcard ? "*" : allowed,
    credentials: !wildcard,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  })
  return function contractCorsMiddleware(
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ): void {
    if (!isContractPath(req.path) || isMedusaAdminPath(req.path)) {
      return next()
    }
    const origin = req.headers.origin
    const isPreflight =
      req.method === "OPTIONS" && Boolean(req.headers["access-control-request-method"])
    if (isPreflight && origin && !wildcard && !originMatches(allowed, origin)) {
      return sendError(res, 403, { type: "forbidden", message: `Origin ${origin} is not allowed` })
    }
    handler(req, res, next)
  }
}
