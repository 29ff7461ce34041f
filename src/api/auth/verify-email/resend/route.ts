import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestVerificationWorkflow } from "@medusajs/medusa/core-flows"
import { requireActorOf } from "../../../utils/auth"
import { loadUserView } from "../../../../queries/identity/user-view"

/** Sends a new verification link to the signed-in user's address (nothing if verified). */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  const user = await loadUserView(req.scope, actor.role === "admin" ? "user" : "customer", actor.id)
  if (!user.email_verified) {
    await requestVerificationWorkflow(req.scope).run({
      input: {
        auth_identity_id: actor.authIdentityId,
        entity_id: user.email,
        entity_type: "email",
        code_provider: "token",
      },
    })
  }
  res.status(204).send()
}
