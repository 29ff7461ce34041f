import type { MedusaRequest } from "@medusajs/framework/http"
import type { AuthenticationInput, ConfigModule, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { oauthSignInWorkflow } from "../../../workflows/identity/oauth-sign-in"
import { startSession } from "./sessions"
import type { TokenPair } from "../../../utils/identity/tokens"

/** The providers the engine offers at /auth/oauth/{provider} (auth provider ids). */
export const OAUTH_PROVIDERS = ["google", "github"] as const
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number]

type AuthModuleOptions = { providers?: { id?: string }[] }

/** The auth provider ids registered in the auth module (medusa-config.ts). */
function registeredAuthProviders(req: MedusaRequest): string[] {
  const config = req.scope.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
  const declaration = config.modules?.[Modules.AUTH]
  const options =
    typeof declaration === "object" && declaration !== null && "options" in declaration
      ? (declaration.options as AuthModuleOptions | undefined)
      : undefined
  return (options?.providers ?? []).map((provider) => provider.id ?? "")
}

/** The route's provider when the engine offers it and it is configured; else a 404. */
export function oauthProviderOf(req: MedusaRequest): OAuthProvider {
  const provider = req.params.provider as OAuthProvider
  if (!OAUTH_PROVIDERS.includes(provider) || !registeredAuthProviders(req).includes(provider)) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Sign-in with "${req.params.provider}" is not available`
    )
  }
  return provider
}

/**
 * What the auth module sees of the request. The body is never passed on: the packages
 * would take a `callback_url` from it, and the engine always uses the configured one.
 */
function authenticationInput(req: MedusaRequest): AuthenticationInput {
  return {
    url: req.url,
    headers: req.headers as Record<string, string>,
    query: (req.validatedQuery ?? {}) as Record<string, string>,
    body: {},
    protocol: req.protocol,
  }
}

/** The provider's authorize URL, with a single-use `state` stored by Medusa's auth module. */
export async function oauthAuthorizeLocation(req: MedusaRequest): Promise<string> {
  const provider = oauthProviderOf(req)
  const { location, error } = await req.scope
    .resolve(Modules.AUTH)
    .authenticate(provider, authenticationInput(req))
  if (!location) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Could not start sign-in with ${provider}: ${error ?? "no authorize URL"}`
    )
  }
  return location
}

/**
 * Finishes an OAuth sign-in: the auth module checks the state and exchanges the code
 * (bad, used or expired → 401), the sign-in workflow finds, links or creates the customer,
 * and a new session gives the engine's token pair.
 */
export async function completeOAuthSignIn(req: MedusaRequest): Promise<TokenPair> {
  const provider = oauthProviderOf(req)
  const auth = req.scope.resolve(Modules.AUTH)
  const { success, authIdentity, error, mfaChallenge } = await auth.validateCallback(
    provider,
    authenticationInput(req)
  )
  if (!success || !authIdentity || mfaChallenge) {
    req.scope
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(`OAuth sign-in with ${provider} failed: ${error ?? "no identity"}`)
    throw new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      `Sign-in with ${provider} failed: ${error ?? "the provider did not confirm the user"}`
    )
  }
  const { result } = await oauthSignInWorkflow(req.scope).run({
    input: { auth_identity_id: authIdentity.id, provider },
  })
  const identity = await auth.retrieveAuthIdentity(authIdentity.id)
  return startSession(req.scope, {
    actor_type: "customer",
    actor_id: result.customer_id,
    auth_identity_id: authIdentity.id,
    app_metadata: (identity.app_metadata ?? {}) as Record<string, unknown>,
  })
}
