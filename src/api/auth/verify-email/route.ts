import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyEmailWorkflow } from "../../../workflows/identity/verify-email"
import type { VerifyEmailBody } from "../validators"

export async function POST(
  req: MedusaRequest<VerifyEmailBody>,
  res: MedusaResponse
): Promise<void> {
  await verifyEmailWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(204).send()
}
