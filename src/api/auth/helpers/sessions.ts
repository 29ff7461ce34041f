import type { ConfigModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { refreshSessionWorkflow } from "../../../workflows/identity/refresh-session"
import { startSessionWorkflow } from "../../../workflows/identity/start-session"
import type { VerifiedActor } from "../../../queries/identity/credentials"
import { identitySettings } from "../../../config/identity"
import {
  hashToken,
  newFamilyId,
  newRefreshToken,
  signAccessToken,
  type TokenPair,
} from "../../../utils/identity/tokens"

function pair(
  container: MedusaContainer,
  actor: VerifiedActor,
  familyId: string,
  refreshToken: string
): TokenPair {
  const { http } = container.resolve<ConfigModule>(
    ContainerRegistrationKeys.CONFIG_MODULE
  ).projectConfig
  const ttl = identitySettings().accessTokenTtlSeconds
  const accessToken = signAccessToken({ ...actor, user_metadata: {}, sid: familyId }, http, ttl)
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: "bearer",
    expires_in: ttl,
  }
}

function refreshExpiry(): Date {
  return new Date(Date.now() + identitySettings().refreshTokenTtlSeconds * 1000)
}

/**
 * A new session for a signed-in actor. The refresh token is made here and only its hash
 * goes through the workflow, so no secret is kept in workflow state.
 */
export async function startSession(
  container: MedusaContainer,
  actor: VerifiedActor
): Promise<TokenPair> {
  const refresh = newRefreshToken()
  const familyId = newFamilyId()
  await startSessionWorkflow(container).run({
    input: {
      family_id: familyId,
      token_hash: refresh.hash,
      actor_type: actor.actor_type,
      actor_id: actor.actor_id,
      auth_identity_id: actor.auth_identity_id,
      expires_at: refreshExpiry(),
    },
  })
  return pair(container, actor, familyId, refresh.token)
}

/** Trades a refresh token for a new pair; 401 when it is unknown, expired, revoked or reused. */
export async function refreshSession(
  container: MedusaContainer,
  presented: string
): Promise<TokenPair> {
  const successor = newRefreshToken()
  const { result } = await refreshSessionWorkflow(container).run({
    input: {
      presented_hash: hashToken(presented),
      successor_hash: successor.hash,
      expires_at: refreshExpiry(),
    },
  })
  if (result.outcome !== "rotated") {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid or expired refresh token")
  }
  const actor: VerifiedActor = {
    actor_type: result.actor_type,
    actor_id: result.actor_id,
    auth_identity_id: result.auth_identity_id,
    app_metadata:
      (await container.resolve(Modules.AUTH).retrieveAuthIdentity(result.auth_identity_id))
        .app_metadata ?? {},
  }
  return pair(container, actor, result.family_id, successor.token)
}
