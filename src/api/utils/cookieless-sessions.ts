import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** What this reads and changes of an Express layer (express/lib/router/layer.js). */
export type CookieLayer = {
  name: string
  handle: (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => void
}

/** Medusa's cookie-parser and express-session layers, by the names Express gives them. */
const COOKIE_LAYERS = new Set(["cookieParser", "session"])

const wrapped = new WeakSet<object>()

/**
 * Medusa's express loader runs cookie-parser and express-session for every request, ahead
 * of any project middleware. The engine's own paths (`isEnginePath`: the route lanes')
 * authenticate by Bearer token and never read or write a session, and for a
 * request without a Cookie header express-session can only make a new, empty session (a
 * random id and its hash) that is never saved: such requests skip both layers. A request
 * with any cookie runs them as before, and Medusa's paths (the dashboard's cookie session,
 * `POST /auth/session`, which makes one) always do. Idempotent per layer.
 */
export function skipCookieLayersWithoutCookies(
  layers: readonly CookieLayer[],
  isEnginePath: (path: string) => boolean
): void {
  for (const layer of layers) {
    if (!COOKIE_LAYERS.has(layer.name) || wrapped.has(layer)) {
      continue
    }
    const handle = layer.handle
    layer.handle = function skipWithoutCookies(req, res, next) {
      if (req.headers.cookie === undefined && isEnginePath(req.path)) {
        return next()
      }
      handle(req, res, next)
    }
    wrapped.add(layer)
  }
}
