import {
  createEngineClient,
  createStorefrontSdk,
  EngineError,
  EngineSession,
  type EngineErrorBody,
  localStorageTokenStore,
  type paths,
} from "../../../packages/client/src"

/** The example's whole wiring: one session, shared by the typed client and the JS SDK. */
export const config = __STOREFRONT_CONFIG__

const listeners = new Set<() => void>()
export const onSessionChange = (listener: () => void) => listeners.add(listener)

export const session = new EngineSession({
  baseUrl: config.engineUrl,
  store: localStorageTokenStore("storefront_session"),
  onChange: () => listeners.forEach((listener) => listener()),
})

/** Typed calls to the engine's routes (/products, /cart, /orders, /payments…). */
export const engine = createEngineClient({ baseUrl: config.engineUrl, session })

/** Medusa's /store routes, signed in with the same session (needs the publishable key). */
export const sdk = config.publishableKey
  ? createStorefrontSdk({
      baseUrl: config.engineUrl,
      publishableKey: config.publishableKey,
      session,
    })
  : undefined

type JsonOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer T } } }
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { "application/json": infer T } } } }
    ? T
    : never

export type ProductList = JsonOf<"/products", "get">
export type Product = ProductList["items"][number]
export type Cart = JsonOf<"/cart", "get">
export type Order = JsonOf<"/orders/{id}", "get">
export type Placed = JsonOf<"/cart/checkout", "post">
export type ReviewList = JsonOf<"/products/{id}/reviews", "get">

/** The data of an openapi-fetch answer, or its EngineError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) {
    throw new EngineError(result.response.status, result.error as EngineErrorBody | undefined)
  }
  return result.data as T
}
