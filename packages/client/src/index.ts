import createClient, { type Client } from "openapi-fetch"
import type { paths } from "./schema"
import type { EngineSession } from "./session"

export type { paths, components, operations } from "./schema"
export { EngineSession, type Credentials, type EngineSessionOptions } from "./session"
export { EngineError, engineErrorOf, type EngineErrorBody } from "./errors"
export {
  localStorageTokenStore,
  memoryTokenStore,
  type SessionTokens,
  type TokenStore,
} from "./token-store"
export { createStorefrontSdk, type StorefrontSdkOptions } from "./sdk"

export type EngineClient = Client<paths>

/**
 * The typed client of the engine's REST contract (openapi-fetch over the generated
 * `paths`): `client.GET("/products/{id}", { params: { path: { id } } })`. With a session,
 * requests carry its access token and refresh it on a 401.
 */
export function createEngineClient(options: {
  baseUrl: string
  session?: EngineSession
  fetch?: typeof fetch
}): EngineClient {
  const send = options.session?.fetch ?? options.fetch ?? ((req) => globalThis.fetch(req))
  return createClient<paths>({ baseUrl: options.baseUrl, fetch: (request) => send(request) })
}
