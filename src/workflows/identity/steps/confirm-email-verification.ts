import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Confirms a verification code with Medusa's token verification provider (single use,
 * expiring). Nothing to undo: a confirmed address stays confirmed.
 */
export const confirmEmailVerificationStep = createStep(
  "identity-confirm-email-verification",
  async (input: { token: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const verification = await auth
      .confirmAuthVerification({ code: input.token, code_provider: "token" })
      .catch(() => {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "The verification link is invalid, used or expired"
        )
      })
    const identity = await auth.retrieveAuthIdentity(verification.auth_identity_id)
    const metadata = (identity.app_metadata ?? {}) as Record<string, unknown>
    const actor =
      typeof metadata.customer_id === "string"
        ? { actor_type: "customer" as const, actor_id: metadata.customer_id }
        : typeof metadata.user_id === "string"
          ? { actor_type: "user" as const, actor_id: metadata.user_id }
          : null
    return new StepResponse(actor)
  }
)
