import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { endSessionsWorkflow } from "../../../workflows/identity/end-sessions"

/** Ends the session the access token belongs to: its refresh tokens and access tokens. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const sid = (req.auth_context as { sid?: unknown }).sid
  const input =
    typeof sid === "string" ? { family_ids: [sid] } : { actor_ids: [req.auth_context.actor_id] }
  await endSessionsWorkflow(req.scope).run({ input })
  res.status(204).send()
}
