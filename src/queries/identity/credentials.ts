import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { IDENTITY_MODULE } from "../../modules/identity"
import type IdentityModuleService from "../../modules/identity/service"
import type { ProfileRecord } from "../../modules/identity/types"
import { inPasswordHashingLane } from "../../utils/identity/password-hashing"
import { spendPasswordCheckTime } from "../../utils/identity/timing"
import type { ActorType } from "../../utils/identity/tokens"

export type VerifiedActor = {
  actor_type: ActorType
  actor_id: string
  auth_identity_id: string
  app_metadata: Record<string, unknown>
}

/** One answer for every failure, so it cannot tell which emails have accounts. */
export const INVALID_CREDENTIALS = "Invalid email, username or password"

function invalid(): MedusaError {
  return new MedusaError(MedusaError.Types.UNAUTHORIZED, INVALID_CREDENTIALS)
}

async function profileOf(
  container: MedusaContainer,
  filters: Partial<Pick<ProfileRecord, "username" | "actor_id" | "actor_type">>
): Promise<ProfileRecord | undefined> {
  const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
  const [profile] = await identity.listProfiles(filters, { take: 1 })
  return profile
}

/**
 * The email an identifier stands for: itself, or the email of the username's owner
 * (undefined for an unknown username). The login throttle counts failures per email, so
 * switching between username and email gains an attacker nothing.
 */
export async function emailFor(
  container: MedusaContainer,
  identifier: string
): Promise<string | undefined> {
  const normalized = identifier.trim().toLowerCase()
  if (normalized.includes("@")) {
    return normalized
  }
  const profile = await profileOf(container, { username: normalized })
  if (!profile) {
    return undefined
  }
  if (profile.actor_type === "user") {
    return (await container.resolve(Modules.USER).retrieveUser(profile.actor_id)).email
  }
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(profile.actor_id)
  return customer.email
}

/**
 * Checks an email-or-username and password with Medusa's emailpass provider and says who
 * signed in: the admin user when the identity has one (the same credentials open the
 * dashboard), else the customer. Deactivated accounts are refused like wrong passwords.
 */
export async function verifyCredentials(
  container: MedusaContainer,
  identifier: string,
  password: string
): Promise<VerifiedActor> {
  const email = await emailFor(container, identifier)
  const auth = container.resolve(Modules.AUTH)
  const known = email
    ? await auth.listProviderIdentities({ provider: "emailpass", entity_id: email }, { take: 1 })
    : []
  if (!email || !known.length) {
    await spendPasswordCheckTime(password)
    throw invalid()
  }
  const { success, authIdentity } = await inPasswordHashingLane(() =>
    auth.authenticate("emailpass", { body: { email, password } })
  )
  if (!success || !authIdentity) {
    throw invalid()
  }
  const metadata = (authIdentity.app_metadata ?? {}) as Record<string, unknown>
  const userId = typeof metadata.user_id === "string" ? metadata.user_id : undefined
  const customerId = typeof metadata.customer_id === "string" ? metadata.customer_id : undefined
  const actor = userId
    ? { actor_type: "user" as const, actor_id: userId }
    : customerId
      ? { actor_type: "customer" as const, actor_id: customerId }
      : undefined
  if (!actor) {
    throw invalid()
  }
  const profile = await profileOf(container, actor)
  if (profile?.deactivated_at) {
    throw invalid()
  }
  return { ...actor, auth_identity_id: authIdentity.id, app_metadata: metadata }
}
