import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ConfigModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
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

/** Medusa's default dashboard session lifetime (express-session cookie maxAge), in ms. */
const MEDUSA_SESSION_TTL_MS = 10 * 60 * 60 * 1000

/** Medusa's default lifetime of the tokens its own /auth routes issue (`jwtExpiresIn`). */
const MEDUSA_TOKEN_TTL_SECONDS = 24 * 3600
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 }

/** `jwtExpiresIn` in seconds: a number of seconds or "30m"/"12h"/"1d"; else Medusa's default. */
function seconds(expiresIn: unknown): number {
  if (typeof expiresIn === "number") {
    return expiresIn
  }
  const match = typeof expiresIn === "string" ? /^(\d+)\s*([smhd]?)$/.exec(expiresIn) : null
  return match ? Number(match[1]) * UNIT_SECONDS[match[2] || "s"] : MEDUSA_TOKEN_TTL_SECONDS
}

/**
 * How long a revocation must be remembered: as long as any token issued before it can
 * live (the engine's access tokens, Medusa's own, which last `jwtExpiresIn`), and as long
 * as a dashboard cookie session made from such a token (it keeps the token's claims and is
 * checked against the same records).
 */
function revocationTtlSeconds(container: MedusaContainer): number {
  const { sessionOptions, http } = container.resolve<ConfigModule>(
    ContainerRegistrationKeys.CONFIG_MODULE
  ).projectConfig
  const sessionSeconds = Math.ceil((sessionOptions?.ttl ?? MEDUSA_SESSION_TTL_MS) / 1000)
  return Math.max(
    identitySettings().accessTokenTtlSeconds,
    sessionSeconds,
    seconds(http.jwtExpiresIn)
  )
}

/**
 * Marks the refresh tokens revoked and records the revocation for access tokens (by
 * session, and by actor when one is given) for as long as those tokens (or cookie sessions made from them) could live.
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
    const ttl = revocationTtlSeconds(container)
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
