import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityProviderService,
} from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * What every OAuth identity records about its user (`user_metadata` of the provider
 * identity), whichever provider it came from. The sign-in workflow links accounts by
 * `email` only when `email_verified` is true.
 */
export type OAuthUserMetadata = {
  email: string | null
  email_verified: boolean
  name: string | null
  given_name: string | null
  family_name: string | null
  [key: string]: unknown
}

/**
 * Moves the package's authorize URL (which carries client_id, redirect_uri, state and
 * scope) to the configured endpoint, keeping every parameter.
 */
export function relocate(
  response: AuthenticationResponse,
  authorizeUrl: string,
  extra: Record<string, string> = {}
): AuthenticationResponse {
  if (!response.location) {
    return response
  }
  const from = new URL(response.location)
  const to = new URL(authorizeUrl)
  from.searchParams.forEach((value, key) => to.searchParams.set(key, value))
  for (const [key, value] of Object.entries(extra)) {
    to.searchParams.set(key, value)
  }
  return { ...response, location: to.toString() }
}

export type CallbackStart =
  { ok: true; code: string; redirectUri: string } | { ok: false; response: AuthenticationResponse }

/**
 * The first half of every callback, as the packages do it: the provider's own error, then
 * the code, then the single-use state (consumed here, so a callback cannot be replayed).
 */
export async function startCallback(
  req: AuthenticationInput,
  authIdentityService: AuthIdentityProviderService
): Promise<CallbackStart> {
  const query = req.query ?? {}
  if (query.error) {
    const detail = query.error_description || query.error
    return { ok: false, response: { success: false, error: `The provider refused: ${detail}` } }
  }
  const code = query.code ?? req.body?.code
  if (!code) {
    return { ok: false, response: { success: false, error: "No code provided" } }
  }
  const state = query.state ? await authIdentityService.getState(query.state) : null
  if (!state || typeof state.callback_url !== "string") {
    return {
      ok: false,
      response: { success: false, error: "No state provided, or session expired" },
    }
  }
  return { ok: true, code, redirectUri: state.callback_url }
}

/**
 * The authorization-code exchange (RFC 6749 §4.1.3): a form POST with the client's id
 * and secret in the body. Returns the provider's JSON answer.
 */
export async function exchangeCode(
  tokenUrl: string,
  params: Record<string, string>
): Promise<Record<string, unknown>> {
  const response = await fetch(tokenUrl, {
    method: "POST",
    headers: {
      Accept: "application/json",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(10_000),
  })
  if (!response.ok) {
    throw new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      `Could not exchange the code: the provider answered ${response.status}`
    )
  }
  const body = (await response.json()) as Record<string, unknown>
  if (typeof body.error === "string") {
    throw new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      `Could not exchange the code: ${String(body.error_description ?? body.error)}`
    )
  }
  return body
}

/** A GET to a provider API with the user's access token; JSON or an error. */
export async function getJson<T>(url: string, accessToken: string): Promise<T> {
  const response = await fetch(url, {
    headers: {
      Accept: "application/json",
      Authorization: `Bearer ${accessToken}`,
      "User-Agent": "commerce-engine",
    },
    signal: AbortSignal.timeout(10_000),
  })
  if (!response.ok) {
    throw new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      `The provider refused the user request: ${response.status}`
    )
  }
  return (await response.json()) as T
}

/** Creates the provider identity, or refreshes what it records about the user. */
export async function saveIdentity(
  authIdentityService: AuthIdentityProviderService,
  entityId: string,
  userMetadata: OAuthUserMetadata
): Promise<AuthenticationResponse> {
  try {
    const authIdentity = await authIdentityService.update(entityId, {
      user_metadata: userMetadata,
    })
    return { success: true, authIdentity }
  } catch (error) {
    if ((error as MedusaError).type !== MedusaError.Types.NOT_FOUND) {
      throw error
    }
    const authIdentity = await authIdentityService.create({
      entity_id: entityId,
      user_metadata: userMetadata,
    })
    return { success: true, authIdentity }
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
