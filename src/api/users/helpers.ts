import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requireActorOf } from "../utils/auth"
import type { ActorType } from "../../utils/identity/tokens"

export type UserTarget = { actor_type: ActorType; actor_id: string; by_admin: boolean }

/**
 * The user a /users/{id} request is about. Customers may reach only themselves and
 * admins anyone; another user's id is a 404, exactly like an unknown one, so ids cannot
 * be probed.
 */
export function userTarget(req: MedusaRequest): UserTarget {
  const actor = requireActorOf(req)
  const id = req.params.id
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `User ${id} was not found`)
  if (actor.role === "customer") {
    if (id !== actor.id) {
      throw notFound
    }
    return { actor_type: "customer", actor_id: id, by_admin: false }
  }
  if (id.startsWith("cus_")) {
    return { actor_type: "customer", actor_id: id, by_admin: true }
  }
  if (id.startsWith("user_")) {
    return { actor_type: "user", actor_id: id, by_admin: true }
  }
  throw notFound
}
