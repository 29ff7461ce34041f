import { createHash } from "node:crypto"

/**
 * A rendered JSON answer and its entity tag, computed once when the answer is cached; with
 * the products it shows and the mark epoch it was rendered at when a cache checks them
 * (src/modules/platform/product-marks.ts).
 */
export type RenderedAnswer = {
  body: string
  etag: string
  products?: readonly string[]
  marked?: number
}

/** What a render returns: the JSON, or the JSON and the products it shows. */
export type RenderedBody = string | { body: string; products: readonly string[] }

/**
 * A weak entity tag (`W/"…"`) of the rendered JSON: the same bytes give the same tag on
 * every process, so a CDN or a phone revalidating against any instance gets a 304. Weak
 * because the same JSON is sent identity, gzip or br encoded (strong tags would have to
 * differ per encoding); If-None-Match compares weakly anyway.
 */
export function entityTag(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`
}

export function renderedAnswer(body: string): RenderedAnswer {
  return { body, etag: entityTag(body) }
}
