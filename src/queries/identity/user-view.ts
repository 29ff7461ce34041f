import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { IDENTITY_MODULE } from "../../modules/identity"
import type IdentityModuleService from "../../modules/identity/service"
import type { ProfileRecord } from "../../modules/identity/types"
import type { ActorType } from "../../utils/identity/tokens"

/** The contract's user shape; never a password or hash. */
export const userView = z.object({
  id: z.string(),
  email: z.string(),
  username: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  is_active: z.boolean(),
  is_admin: z.boolean(),
  email_verified: z.boolean(),
  preferences: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
})

export type UserView = z.infer<typeof userView>

type Person = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  created_at: Date | string
  updated_at: Date | string
}

function iso(value: Date | string): string {
  return new Date(value).toISOString()
}

/** A user changes in two places (Medusa's record and the profile): the later of both. */
function latest(first: Date | string, second: Date | string | undefined): string {
  const times = [first, second ?? first].map((value) => new Date(value).getTime())
  return new Date(Math.max(...times)).toISOString()
}

export function toUserView(
  person: Person,
  actorType: ActorType,
  profile: ProfileRecord | undefined
): UserView {
  return {
    id: person.id,
    email: person.email,
    username: profile?.username ?? null,
    first_name: person.first_name ?? null,
    last_name: person.last_name ?? null,
    is_active: !profile?.deactivated_at,
    is_admin: actorType === "user",
    email_verified: Boolean(profile?.email_verified_at),
    preferences: profile?.preferences ?? {},
    created_at: iso(person.created_at),
    updated_at: latest(person.updated_at, profile?.updated_at),
  }
}

/** The user a customer or admin id belongs to; 404 when there is none. */
export async function loadUserView(
  container: MedusaContainer,
  actorType: ActorType,
  actorId: string
): Promise<UserView> {
  const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
  const [profile] = await identity.listProfiles(
    { actor_type: actorType, actor_id: actorId },
    { take: 1 }
  )
  const people =
    actorType === "user"
      ? await container.resolve(Modules.USER).listUsers({ id: actorId }, { take: 1 })
      : await container.resolve(Modules.CUSTOMER).listCustomers({ id: actorId }, { take: 1 })
  if (!people.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `User ${actorId} was not found`)
  }
  return toUserView(people[0] as Person, actorType, profile)
}
