import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadUserView } from "../../../queries/identity/user-view"
import { registerCustomerWorkflow } from "../../../workflows/identity/register-customer"
import type { RegisterBody } from "../validators"

export async function POST(req: MedusaRequest<RegisterBody>, res: MedusaResponse): Promise<void> {
  const { result } = await registerCustomerWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json(await loadUserView(req.scope, "customer", result.customer.id))
}
