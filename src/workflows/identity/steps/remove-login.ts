import type { CreateAuthIdentityDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type Undo = {
  deleted: CreateAuthIdentityDTO[]
  /** Identities shared with an admin user: only the customer was detached from them. */
  detached: { id: string; app_metadata: Record<string, unknown> }[]
}

/**
 * Removes every way to sign in as the customer: its auth identities (password and OAuth)
 * are deleted, so nobody can sign in as the deleted user and the email or provider
 * account can sign up again. An identity that also belongs to an admin user only loses
 * the customer. Compensation recreates the deleted identities (same password hash) and
 * re-attaches the customer.
 */
export const removeLoginStep = createStep(
  "identity-remove-login",
  async (input: { customer_id: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identities = await auth.listAuthIdentities(
      { app_metadata: { customer_id: input.customer_id } },
      { relations: ["provider_identities"] }
    )
    const undo: Undo = { deleted: [], detached: [] }
    for (const identity of identities) {
      const metadata = (identity.app_metadata ?? {}) as Record<string, unknown>
      if (typeof metadata.user_id === "string") {
        const { customer_id: _removed, ...rest } = metadata
        await auth.updateAuthIdentities([{ id: identity.id, app_metadata: rest }])
        undo.detached.push({ id: identity.id, app_metadata: metadata })
        continue
      }
      undo.deleted.push({
        app_metadata: metadata,
        provider_identities: (identity.provider_identities ?? []).map((p) => ({
          provider: p.provider,
          entity_id: p.entity_id,
          provider_metadata: p.provider_metadata ?? undefined,
          user_metadata: p.user_metadata ?? undefined,
        })),
      })
      await auth.deleteAuthIdentities([identity.id])
    }
    return new StepResponse(undefined, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const auth = container.resolve(Modules.AUTH)
    if (undo.deleted.length) {
      await auth.createAuthIdentities(undo.deleted)
    }
    if (undo.detached.length) {
      await auth.updateAuthIdentities(undo.detached)
    }
  }
)
