import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { IDENTITY_MODULE } from "../../modules/identity"
import type IdentityModuleService from "../../modules/identity/service"
import type { Page } from "../../utils/pagination"
import { sqlRows } from "../sql"
import { toUserView, type UserView } from "./user-view"

/**
 * Customer accounts matching `q` — in Medusa's searchable customer fields (email, names,
 * company, phone) or the engine's username — newest first. The filter, order and page are
 * one statement over the customer and profile tables, so a broad `q` (one letter) reads one
 * page of ids, not every match (docs/SECURITY.md, "Other reads in request paths"). `?`
 * placeholders only; `q` is matched literally (LIKE wildcards escaped).
 */
const MATCH = `
from customer c
where c.deleted_at is null and c.has_account
  and (?::text is null
    or c.email ilike ? or c.first_name ilike ? or c.last_name ilike ?
    or c.company_name ilike ? or c.phone ilike ?
    or exists (select 1 from profile p where p.actor_type = 'customer' and p.actor_id = c.id
      and p.deleted_at is null and p.username ilike ?))`

const PAGE_SQL = `select c.id ${MATCH} order by c.created_at desc, c.id asc limit ? offset ?`
const COUNT_SQL = `select count(*)::int as count ${MATCH}`

/** `q` as an ILIKE pattern that matches it anywhere, with its own `%`, `_` and `\` literal. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

export async function listCustomerUsers(
  container: MedusaContainer,
  q: string | undefined,
  page: Page
): Promise<{ users: UserView[]; count: number }> {
  const pattern = q ? containsPattern(q) : null
  const match = [pattern, pattern, pattern, pattern, pattern, pattern, pattern]
  const [rows, [{ count }]] = await Promise.all([
    sqlRows<{ id: string }>(container, PAGE_SQL, [...match, page.limit, page.offset]),
    sqlRows<{ count: number }>(container, COUNT_SQL, match),
  ])
  const ids = rows.map((row) => row.id)
  if (!ids.length) {
    return { users: [], count }
  }
  const [customers, profiles] = await Promise.all([
    container.resolve(Modules.CUSTOMER).listCustomers({ id: ids }),
    container
      .resolve<IdentityModuleService>(IDENTITY_MODULE)
      .listProfiles({ actor_type: "customer", actor_id: ids }),
  ])
  const customerById = new Map(customers.map((customer) => [customer.id, customer]))
  const profileByActor = new Map(profiles.map((profile) => [profile.actor_id, profile]))
  const users = ids.flatMap((id) => {
    const customer = customerById.get(id)
    return customer ? [toUserView(customer, "customer", profileByActor.get(id))] : []
  })
  return { users, count }
}
