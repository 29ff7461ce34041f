import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDENTITY_MODULE } from "../../../modules/identity"
import type IdentityModuleService from "../../../modules/identity/service"
import type { ProfileRecord } from "../../../modules/identity/types"

export type UpsertProfileInput = {
  actor_type: "customer" | "user"
  actor_id: string
  username?: string | null
  /** Merged into the stored preferences; `replace_preferences` overwrites them instead. */
  preferences?: Record<string, unknown>
  replace_preferences?: boolean
  deactivated_at?: Date | null
}

type Undo =
  | { created: string }
  | { updated: Pick<ProfileRecord, "id" | "username" | "preferences" | "deactivated_at"> }

/** Changes a user's profile, creating it first for users who have none (admins). */
export const upsertProfileStep = createStep(
  "identity-upsert-profile",
  async (input: UpsertProfileInput, { container }) => {
    const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
    const { actor_type, actor_id, replace_preferences, ...changes } = input
    const [existing] = await identity.listProfiles({ actor_type, actor_id }, { take: 1 })
    if (!existing) {
      const created = await identity.createProfiles({
        actor_type,
        actor_id,
        username: changes.username ?? null,
        preferences: changes.preferences ?? {},
        deactivated_at: changes.deactivated_at ?? null,
      })
      return new StepResponse<ProfileRecord, Undo>(created, { created: created.id })
    }
    const preferences =
      changes.preferences && !replace_preferences
        ? { ...existing.preferences, ...changes.preferences }
        : changes.preferences
    const updated = await identity.updateProfiles({
      id: existing.id,
      ...changes,
      ...(preferences ? { preferences } : {}),
    })
    return new StepResponse<ProfileRecord, Undo>(updated, {
      updated: {
        id: existing.id,
        username: existing.username,
        preferences: existing.preferences,
        deactivated_at: existing.deactivated_at,
      },
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
    if ("created" in undo) {
      await identity.deleteProfiles(undo.created)
      return
    }
    const { deactivated_at, ...rest } = undo.updated
    await identity.updateProfiles({
      ...rest,
      deactivated_at: deactivated_at ? new Date(deactivated_at) : null,
    })
  }
)
