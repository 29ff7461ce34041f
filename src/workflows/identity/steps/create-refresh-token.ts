import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDENTITY_MODULE } from "../../../modules/identity"
import type IdentityModuleService from "../../../modules/identity/service"

export type CreateRefreshTokenInput = {
  family_id: string
  /** Only the hash enters the workflow; the token itself never leaves the route. */
  token_hash: string
  actor_type: "customer" | "user"
  actor_id: string
  auth_identity_id: string
  expires_at: Date
}

export const createRefreshTokenStep = createStep(
  "identity-create-refresh-token",
  async (input: CreateRefreshTokenInput, { container }) => {
    const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
    const token = await identity.createRefreshTokens(input)
    return new StepResponse({ id: token.id, family_id: token.family_id }, token.id)
  },
  async (tokenId, { container }) => {
    if (tokenId) {
      await container.resolve<IdentityModuleService>(IDENTITY_MODULE).deleteRefreshTokens(tokenId)
    }
  }
)
