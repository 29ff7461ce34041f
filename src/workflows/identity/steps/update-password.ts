import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { inPasswordHashingLane } from "../../../utils/identity/password-hashing"

/**
 * Sets a new password through the emailpass provider (scrypt). Compensation puts the
 * previous hash back.
 */
export const updatePasswordStep = createStep(
  "identity-update-password",
  async (input: { email: string; password: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const [previous] = await auth.listProviderIdentities({
      provider: "emailpass",
      entity_id: input.email,
    })
    const { success, error } = await inPasswordHashingLane(() =>
      auth.updateProvider("emailpass", { entity_id: input.email, password: input.password })
    )
    if (!success) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, error ?? "The password was refused")
    }
    return new StepResponse(undefined, {
      id: previous?.id,
      provider_metadata: previous?.provider_metadata ?? undefined,
    })
  },
  async (previous, { container }) => {
    if (previous?.id) {
      await container
        .resolve(Modules.AUTH)
        .updateProviderIdentities([
          { id: previous.id, provider_metadata: previous.provider_metadata },
        ])
    }
  }
)
