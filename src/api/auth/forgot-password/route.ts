import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestPasswordResetWorkflow } from "../../../workflows/identity/request-password-reset"
import type { ForgotPasswordBody } from "../validators"

/** Always 202, whether or not the email has an account: no account enumeration. */
export async function POST(
  req: MedusaRequest<ForgotPasswordBody>,
  res: MedusaResponse
): Promise<void> {
  await requestPasswordResetWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(202).json({ message: "If an account uses this email, a reset link is on its way" })
}
