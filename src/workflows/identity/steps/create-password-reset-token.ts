import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { identitySettings } from "../../../config/identity"
import { encodeResetToken } from "../../../utils/identity/reset-token"

/**
 * A single-use, expiring reset token from Medusa's auth module (stored hashed; a new one
 * replaces older ones). Null when no password account has this email: the caller answers
 * the same either way and nothing is sent. Nothing to undo: an unsent token is useless
 * and expires.
 */
export const createPasswordResetTokenStep = createStep(
  "identity-create-password-reset-token",
  async (input: { email: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identities = await auth.listProviderIdentities({
      provider: "emailpass",
      entity_id: input.email,
    })
    if (!identities.length) {
      return new StepResponse(null)
    }
    const { jti, expires_at } = await auth.createPasswordResetToken({
      provider: "emailpass",
      entity_id: input.email,
      ttl_seconds: identitySettings().passwordResetTtlSeconds,
    })
    return new StepResponse({
      email: input.email,
      token: encodeResetToken(input.email, jti),
      expires_at: new Date(expires_at).toISOString(),
    })
  }
)
