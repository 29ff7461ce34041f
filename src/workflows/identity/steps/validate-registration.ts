import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDENTITY_MODULE } from "../../../modules/identity"
import type IdentityModuleService from "../../../modules/identity/service"

export type ValidateRegistrationInput = { email: string; username: string }

/**
 * Email and username must be free: a clear 409 before anything is created. The unique
 * indexes still decide between two registrations racing for the same value.
 */
export const validateRegistrationStep = createStep(
  "identity-validate-registration",
  async (input: ValidateRegistrationInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identities = await auth.listProviderIdentities({
      provider: "emailpass",
      entity_id: input.email,
    })
    if (identities.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "An account with this email already exists")
    }
    const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
    const [taken] = await identity.listProfiles({ username: input.username }, { take: 1 })
    if (taken) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "This username is taken")
    }
    return new StepResponse(undefined)
  }
)
