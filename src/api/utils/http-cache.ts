import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib"
import Negotiator from "negotiator"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { catalogSettings } from "../../config/catalog"
import { readHttpCompressionThreshold } from "../../config/http"
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

type Encoding = "br" | "gzip"

/** Compressed bytes of cached answers, per answer and encoding (L1 entries only). */
const compressedBodies = new WeakMap<
  RenderedAnswer,
  Partial<Record<Encoding, Buffer>> & { asks: number }
>()

/**
 * The answer's bytes in `encoding`, from its second ask on; undefined on the first, which
 * Medusa's middleware compresses off the event loop as before: an answer asked once (a
 * random search) costs no compression on the event loop and keeps no bytes.
 */
function compressed(answer: RenderedAnswer, encoding: Encoding): Buffer | undefined {
  let bodies = compressedBodies.get(answer)
  if (!bodies) {
    bodies = { asks: 0 }
    compressedBodies.set(answer, bodies)
  }
  if (++bodies.asks < 2) {
    return undefined
  }
  // The levels of Medusa's compression middleware (medusa-config.ts).
  bodies[encoding] ??=
    encoding === "br"
      ? brotliCompressSync(answer.body, {
          params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 },
        })
      : gzipSync(answer.body, { level: 6 })
  return bodies[encoding]
}

let threshold: number | undefined

/**
 * The encoding Medusa's compression middleware would choose: the client's highest quality,
 * br before gzip when they tie (its negotiator, the same version, with the same lists).
 * (Like Medusa's filter, a request with `x-no-compression` is not compressed.)
 */
function negotiatedEncoding(req: MedusaRequest): string | undefined {
  const negotiator = new Negotiator(req) as Negotiator & {
    encoding(available: readonly string[], preferred: readonly string[]): string | undefined
  }
  return negotiator.encoding(["br", "gzip", "deflate", "identity"], ["br", "gzip"])
}

/**
 * Sends a cached catalog answer with its ETag (hashed once per cache entry) and caching
 * headers. Express answers 304 without a body when If-None-Match matches the ETag
 * (`req.fresh`). An answer asked for again is compressed once per cache entry, here,
 * rather than on every request by Medusa's compression middleware (which then leaves it
 * alone):
 * the middleware's work runs on libuv's thread pool, where it cost CPU per hit and
 * waited behind anything else there (password hashing). `Vary: Authorization`: the
 * answer depends on who asks (admins see inactive products).
 */
export function sendCatalogAnswer(
  req: MedusaRequest,
  res: MedusaResponse,
  answer: RenderedAnswer
): void {
  res.setHeader("Cache-Control", catalogCacheControl(actorOf(req)?.role))
  res.vary("Authorization")
  res.vary("Accept-Encoding")
  res.setHeader("ETag", answer.etag)
  res.type("application/json")
  threshold ??= readHttpCompressionThreshold()
  const encoding =
    Buffer.byteLength(answer.body) >= threshold &&
    req.method !== "HEAD" &&
    !req.headers["x-no-compression"]
      ? negotiatedEncoding(req)
      : undefined
  const bytes =
    (encoding === "br" || encoding === "gzip") && !req.fresh
      ? compressed(answer, encoding)
      : undefined
  if (bytes) {
    res.setHeader("Content-Encoding", encoding as Encoding)
    res.send(bytes)
    return
  }
  res.send(answer.body)
}
