import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { catalogSettings } from "../../config/catalog"
import type { RenderedAnswer } from "../../utils/catalog/rendered-answer"
import { actorOf } from "./auth"
import { isContractPath, isMedusaAdminPath } from "./contract"

/**
 * HTTP caching (docs/HTTP-CACHING.md). Every answer of the engine's routes, Medusa's
 * /admin and /auth is `no-store` unless its route says otherwise: carts, orders, tokens and
 * accounts must never sit in a shared cache or on a shared disk. Catalog reads opt in
 * through `sendCatalogAnswer`.
 */
export function noStoreByDefault(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  const routed = req.path.toLowerCase()
  if (
    isContractPath(req.path) ||
    isMedusaAdminPath(req.path) ||
    routed === "/auth" ||
    routed.startsWith("/auth/")
  ) {
    res.setHeader("Cache-Control", "no-store")
  }
  next()
}

/**
 * The Cache-Control of a catalog answer, by caller. Anonymous: the same for everyone, so a
 * CDN may keep it briefly and serve it stale while it revalidates. A signed-in customer's
 * request carries a token, which a shared cache must not key on: private, revalidated on
 * every use (the ETag makes that a 304). An admin may see inactive products: not stored.
 */
export function catalogCacheControl(role: string | undefined): string {
  if (role === "admin") {
    return "private, no-store"
  }
  if (role) {
    return "private, no-cache"
  }
  const { httpMaxAgeSeconds, httpStaleWhileRevalidateSeconds } = catalogSettings()
  return `public, max-age=${httpMaxAgeSeconds}, stale-while-revalidate=${httpStaleWhileRevalidateSeconds}`
}

/**
 * Sends a cached catalog answer with its ETag (hashed once per cache entry) and caching
 * headers. Express answers 304 without a body when If-None-Match matches the ETag
 * (`req.fresh`); Medusa's compression middleware (medusa-config.ts) negotiates gzip/br.
 * `Vary: Authorization`: the answer depends on who asks (admins see inactive products).
 */
export function sendCatalogAnswer(
  req: MedusaRequest,
  res: MedusaResponse,
  answer: RenderedAnswer
): void {
  res.setHeader("Cache-Control", catalogCacheControl(actorOf(req)?.role))
  res.vary("Authorization")
  res.setHeader("ETag", answer.etag)
  res.type("application/json").send(answer.body)
}
