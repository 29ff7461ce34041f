import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDENTITY_MODULE } from "../../../modules/identity"
import type IdentityModuleService from "../../../modules/identity/service"

export type CreateProfileInput = {
  actor_type: "customer" | "user"
  actor_id: string
  username: string | null
}

export const createProfileStep = createStep(
  "identity-create-profile",
  async (input: CreateProfileInput, { container }) => {
    const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
    const profile = await identity.createProfiles({ ...input, preferences: {} })
    return new StepResponse(profile, profile.id)
  },
  async (profileId, { container }) => {
    if (profileId) {
      await container.resolve<IdentityModuleService>(IDENTITY_MODULE).deleteProfiles(profileId)
    }
  }
)
