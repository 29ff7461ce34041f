import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDENTITY_MODULE } from "../../../modules/identity"
import type IdentityModuleService from "../../../modules/identity/service"

/** 409 when another user has the username (read only: nothing to undo). */
export const ensureUsernameFreeStep = createStep(
  "identity-ensure-username-free",
  async (input: { username?: string; actor_id: string }, { container }) => {
    if (input.username) {
      const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
      const [owner] = await identity.listProfiles({ username: input.username }, { take: 1 })
      if (owner && owner.actor_id !== input.actor_id) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "This username is taken")
      }
    }
    return new StepResponse(undefined)
  }
)
