import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { decodeResetToken } from "../../../utils/identity/reset-token"

/**
 * Uses the reset token (Medusa deletes it: single use) and says whose it was. Cannot be
 * undone; if a later step fails the user asks for a new link.
 */
export const consumePasswordResetTokenStep = createStep(
  "identity-consume-password-reset-token",
  async (input: { token: string }, { container }) => {
    const { email, jti } = decodeResetToken(input.token)
    const auth = container.resolve(Modules.AUTH)
    try {
      const { auth_identity_id } = await auth.consumePasswordResetToken({
        jti,
        provider: "emailpass",
        entity_id: email,
      })
      const identity = await auth.retrieveAuthIdentity(auth_identity_id)
      const metadata = (identity.app_metadata ?? {}) as Record<string, unknown>
      const actorIds = [metadata.customer_id, metadata.user_id].filter(
        (id): id is string => typeof id === "string"
      )
      return new StepResponse({ email, auth_identity_id, actor_ids: actorIds })
    } catch {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid or expired reset token")
    }
  }
)
