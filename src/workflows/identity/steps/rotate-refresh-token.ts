import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDENTITY_MODULE } from "../../../modules/identity"
import type IdentityModuleService from "../../../modules/identity/service"

export type RotateRefreshTokenInput = {
  presented_hash: string
  successor_hash: string
  expires_at: Date
}

export type RotationResult =
  | { outcome: "invalid" }
  /** A token already rotated was presented again: its family must be revoked. */
  | { outcome: "reused"; family_id: string }
  | {
      outcome: "rotated"
      family_id: string
      actor_type: "customer" | "user"
      actor_id: string
      auth_identity_id: string
    }

type Undo = { rotated_id: string; successor_id: string } | null

/**
 * Uses a refresh token once: marks it rotated and stores its successor in the same
 * family. Runs under a lock on the token (see the workflow), so two requests presenting
 * the same token cannot both rotate it.
 */
export const rotateRefreshTokenStep = createStep(
  "identity-rotate-refresh-token",
  async (input: RotateRefreshTokenInput, { container }) => {
    const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
    const [token] = await identity.listRefreshTokens(
      { token_hash: input.presented_hash },
      { take: 1 }
    )
    if (!token || token.revoked_at || new Date(token.expires_at).getTime() <= Date.now()) {
      return new StepResponse<RotationResult, Undo>({ outcome: "invalid" }, null)
    }
    if (token.rotated_at) {
      return new StepResponse<RotationResult, Undo>(
        {
          outcome: "reused",
          family_id: token.family_id,
        },
        null
      )
    }
    await identity.updateRefreshTokens({ id: token.id, rotated_at: new Date() })
    const successor = await identity.createRefreshTokens({
      family_id: token.family_id,
      token_hash: input.successor_hash,
      actor_type: token.actor_type,
      actor_id: token.actor_id,
      auth_identity_id: token.auth_identity_id,
      expires_at: input.expires_at,
    })
    return new StepResponse<RotationResult, Undo>(
      {
        outcome: "rotated",
        family_id: token.family_id,
        actor_type: token.actor_type,
        actor_id: token.actor_id,
        auth_identity_id: token.auth_identity_id,
      },
      { rotated_id: token.id, successor_id: successor.id }
    )
  },
  async (undo, { container }) => {
    if (undo) {
      const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
      await identity.deleteRefreshTokens(undo.successor_id)
      await identity.updateRefreshTokens({ id: undo.rotated_id, rotated_at: null })
    }
  }
)
