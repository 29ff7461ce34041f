import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import { loadUserView } from "../../../queries/identity/user-view"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  const actorType = actor.role === "admin" ? "user" : "customer"
  res.status(200).json(await loadUserView(req.scope, actorType, actor.id))
}
