import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { inPasswordHashingLane } from "../../../utils/identity/password-hashing"

export type RegisterAuthIdentityInput = { email: string; password: string }

/** The emailpass identity (Medusa hashes the password with scrypt); undone by deleting it. */
export const registerAuthIdentityStep = createStep(
  "identity-register-auth-identity",
  async (input: RegisterAuthIdentityInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const { success, authIdentity, error } = await inPasswordHashingLane(() =>
      auth.register("emailpass", { body: { email: input.email, password: input.password } })
    )
    if (!success || !authIdentity) {
      // Medusa reports an existing identity as an error string.
      throw new MedusaError(
        /exists/i.test(error ?? "") ? MedusaError.Types.CONFLICT : MedusaError.Types.INVALID_DATA,
        /exists/i.test(error ?? "") ? "An account with this email already exists" : String(error)
      )
    }
    return new StepResponse(authIdentity.id, authIdentity.id)
  },
  async (authIdentityId, { container }) => {
    if (authIdentityId) {
      await container.resolve(Modules.AUTH).deleteAuthIdentities([authIdentityId])
    }
  }
)
