import type { CreateAuthIdentityDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Deletes the password login of an email (its auth identity), so nobody can sign in as
 * the deleted user and the address can register again. Compensation recreates it with
 * the same password hash.
 */
export const removeLoginStep = createStep(
  "identity-remove-login",
  async (input: { email: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const providerIdentities = await auth.listProviderIdentities({
      provider: "emailpass",
      entity_id: input.email,
    })
    const removed: CreateAuthIdentityDTO[] = []
    for (const { auth_identity_id } of providerIdentities) {
      if (!auth_identity_id) {
        continue
      }
      const identity = await auth.retrieveAuthIdentity(auth_identity_id, {
        relations: ["provider_identities"],
      })
      removed.push({
        app_metadata: identity.app_metadata ?? undefined,
        provider_identities: (identity.provider_identities ?? []).map((p) => ({
          provider: p.provider,
          entity_id: p.entity_id,
          provider_metadata: p.provider_metadata ?? undefined,
          user_metadata: p.user_metadata ?? undefined,
        })),
      })
      await auth.deleteAuthIdentities([auth_identity_id])
    }
    return new StepResponse(undefined, removed)
  },
  async (removed, { container }) => {
    if (removed?.length) {
      await container.resolve(Modules.AUTH).createAuthIdentities(removed)
    }
  }
)
