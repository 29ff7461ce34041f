import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resetPasswordWorkflow } from "../../../workflows/identity/reset-password"
import type { ResetPasswordBody } from "../validators"

export async function POST(
  req: MedusaRequest<ResetPasswordBody>,
  res: MedusaResponse
): Promise<void> {
  await resetPasswordWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(204).send()
}
