import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { IDENTITY_MODULE } from "../../modules/identity"
import type IdentityModuleService from "../../modules/identity/service"
import type { ProfileRecord } from "../../modules/identity/types"
import type { Page } from "../../utils/pagination"
import { toUserView, type UserView } from "./user-view"

/** Ids of customers whose email or name (Medusa's `q`) or username matches. */
async function matchingCustomerIds(container: MedusaContainer, q: string): Promise<string[]> {
  const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
  const [byPerson, byUsername] = await Promise.all([
    container.resolve(Modules.CUSTOMER).listCustomers({ q, has_account: true }, { select: ["id"] }),
    identity.listProfiles(
      { actor_type: "customer", username: { $ilike: `%${q.toLowerCase()}%` } },
      { select: ["actor_id"] }
    ) as Promise<Pick<ProfileRecord, "actor_id">[]>,
  ])
  return [...new Set([...byPerson.map(({ id }) => id), ...byUsername.map((p) => p.actor_id)])]
}

export async function listCustomerUsers(
  container: MedusaContainer,
  q: string | undefined,
  page: Page
): Promise<{ users: UserView[]; count: number }> {
  const filters = q
    ? { id: await matchingCustomerIds(container, q), has_account: true }
    : { has_account: true }
  const [customers, count] = await container
    .resolve(Modules.CUSTOMER)
    .listAndCountCustomers(filters, {
      skip: page.offset,
      take: page.limit,
      order: { created_at: "DESC", id: "ASC" },
    })
  const profiles = await container.resolve<IdentityModuleService>(IDENTITY_MODULE).listProfiles({
    actor_type: "customer",
    actor_id: customers.map(({ id }) => id),
  })
  const byActor = new Map(profiles.map((profile) => [profile.actor_id, profile]))
  return {
    users: customers.map((customer) => toUserView(customer, "customer", byActor.get(customer.id))),
    count,
  }
}
