import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDENTITY_MODULE } from "../../../modules/identity"
import type IdentityModuleService from "../../../modules/identity/service"
import type { RefreshTokenRecord } from "../../../modules/identity/types"
import { PLATFORM_MODULE } from "../../../modules/platform"
import type PlatformModuleService from "../../../modules/platform/service"
import { identitySettings } from "../../../config/identity"

export type RevokeSessionsInput = {
  /** Sessions (refresh-token families) to end. */
  family_ids?: string[]
  /** Or every session of these actors, and every access token issued to them so far. */
  actor_ids?: string[]
}

/**
 * Marks the refresh tokens revoked and records the revocation for access tokens (by
 * session, and by actor when one is given) for as long as those tokens could live.
 * Compensation un-revokes the refresh tokens; the access-token records are left to
 * expire, erring on the side of refusing.
 */
export const revokeSessionsStep = createStep(
  "identity-revoke-sessions",
  async (input: RevokeSessionsInput, { container }) => {
    const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
    const filters = input.actor_ids
      ? { actor_id: input.actor_ids, revoked_at: null }
      : { family_id: input.family_ids ?? [], revoked_at: null }
    const tokens = (await identity.listRefreshTokens(filters, {
      select: ["id", "family_id"],
    })) as Pick<RefreshTokenRecord, "id" | "family_id">[]
    const now = new Date()
    if (tokens.length) {
      await identity.updateRefreshTokens(tokens.map(({ id }) => ({ id, revoked_at: now })))
    }
    const platform = container.resolve<PlatformModuleService>(PLATFORM_MODULE)
    const ttl = identitySettings().accessTokenTtlSeconds
    const families = new Set([...(input.family_ids ?? []), ...tokens.map((t) => t.family_id)])
    for (const family of families) {
      await platform.revokeSession(family, ttl)
    }
    for (const actorId of input.actor_ids ?? []) {
      await platform.revokeActorTokens(actorId, ttl)
    }
    return new StepResponse(
      { revoked_families: [...families] },
      tokens.map(({ id }) => id)
    )
  },
  async (tokenIds, { container }) => {
    if (tokenIds?.length) {
      await container
        .resolve<IdentityModuleService>(IDENTITY_MODULE)
        .updateRefreshTokens(tokenIds.map((id) => ({ id, revoked_at: null })))
    }
  }
)
