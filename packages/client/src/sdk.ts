import Medusa, { FetchError, type Config } from "@medusajs/js-sdk"
import type { EngineSession } from "./session"

export type StorefrontSdkOptions = Omit<Config, "auth"> & { session: EngineSession }

/**
 * `@medusajs/js-sdk` signed in through the engine's session, so `sdk.store.*` (Medusa's
 * /store routes) and `sdk.client.fetch("/cart")` (the engine's routes) send the same
 * access token. The SDK reads the token from the session on every request (its "custom"
 * storage), and a 401 refreshes the session once (shared with every other caller) and
 * repeats the request. Sign in and out with `session.login` / `session.logout`:
 * `sdk.auth.login` would use Medusa's /auth/customer/emailpass, which issues no refresh token.
 */
export function createStorefrontSdk({ session, ...config }: StorefrontSdkOptions): Medusa {
  const sdk = new Medusa({
    ...config,
    auth: {
      type: "jwt",
      jwtTokenStorageMethod: "custom",
      storage: {
        getItem: () => session.accessToken() ?? null,
        // The session owns the tokens: what the SDK's own login would store is not kept.
        setItem: () => undefined,
        removeItem: () => undefined,
      },
    },
  })
  attachRefresh(sdk, session)
  return sdk
}

/** Every sdk.store.* method goes through `client.fetch`: a 401 there refreshes and retries. */
function attachRefresh(sdk: Medusa, session: EngineSession): void {
  const client = sdk.client
  const send = client.fetch.bind(client)
  client.fetch = async function fetchWithRefresh<T>(...args: Parameters<typeof send>): Promise<T> {
    const used = session.accessToken()
    try {
      return await send<T>(...args)
    } catch (error) {
      const unauthorized = error instanceof FetchError && error.status === 401
      if (!unauthorized || used === undefined || !(await session.refresh(used))) {
        throw error
      }
      return send<T>(...args)
    }
  }
}
