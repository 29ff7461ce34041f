import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** How long a found actor is remembered; revocations are checked on every request anyway. */
const FOUND_TTL_MS = 30_000
const CACHE_LIMIT = 10_000

const found = new Map<string, number>()

function remember(key: string, now: number): void {
  found.delete(key)
  found.set(key, now + FOUND_TTL_MS)
  while (found.size > CACHE_LIMIT) {
    found.delete(found.keys().next().value as string)
  }
}

/**
 * Whether a token's actor exists in the module its `actor_type` names: a `user` token
 * must name an admin user, a `customer` token a customer. A validly signed token whose
 * claims disagree (an admin claim on a customer's id) is refused, not trusted. Found
 * actors are remembered for 30 s per process, so this costs one indexed read per actor and
 * process at most every 30 s; a deactivated or signed-out actor is refused by the
 * revocation check, which is never cached.
 */
export async function tokenActorExists(
  container: MedusaContainer,
  actorType: unknown,
  actorId: unknown
): Promise<boolean> {
  if (typeof actorId !== "string" || !actorId) {
    return false
  }
  const key = `${String(actorType)}:${actorId}`
  const now = Date.now()
  if ((found.get(key) ?? 0) > now) {
    return true
  }
  let exists: boolean
  if (actorType === "user") {
    const users = await container
      .resolve(Modules.USER)
      .listUsers({ id: actorId }, { select: ["id"], take: 1 })
    exists = users.length > 0
  } else if (actorType === "customer") {
    const customers = await container
      .resolve(Modules.CUSTOMER)
      .listCustomers({ id: actorId }, { select: ["id"], take: 1 })
    exists = customers.length > 0
  } else {
    return false
  }
  if (exists) {
    remember(key, now)
  }
  return exists
}
