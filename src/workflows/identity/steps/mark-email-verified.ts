import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDENTITY_MODULE } from "../../../modules/identity"
import type IdentityModuleService from "../../../modules/identity/service"

/** Records the verification on the profile; compensation restores the previous value. */
export const markEmailVerifiedStep = createStep(
  "identity-mark-email-verified",
  async (input: { actor_type: "customer" | "user"; actor_id: string } | null, { container }) => {
    const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
    const [profile] = input ? await identity.listProfiles(input, { take: 1 }) : []
    if (!profile) {
      return new StepResponse(undefined, null)
    }
    await identity.updateProfiles({ id: profile.id, email_verified_at: new Date() })
    return new StepResponse(undefined, {
      id: profile.id,
      email_verified_at: profile.email_verified_at,
    })
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<IdentityModuleService>(IDENTITY_MODULE).updateProfiles({
        id: previous.id,
        email_verified_at: previous.email_verified_at ? new Date(previous.email_verified_at) : null,
      })
    }
  }
)
