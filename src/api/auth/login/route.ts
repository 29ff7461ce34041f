import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyCredentials } from "../../../queries/identity/credentials"
import { startSession } from "../helpers/sessions"
import { loginSucceeded } from "../../utils/login-throttle"
import type { LoginBody } from "../validators"

export async function POST(req: MedusaRequest<LoginBody>, res: MedusaResponse): Promise<void> {
  const { email, username, password } = req.validatedBody
  const actor = await verifyCredentials(req.scope, (email ?? username) as string, password)
  // Only failures count against the account: this one clears its count.
  await loginSucceeded(req)
  res.setHeader("Cache-Control", "no-store")
  res.status(200).json(await startSession(req.scope, actor))
}
