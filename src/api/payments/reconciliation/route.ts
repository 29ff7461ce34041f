import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listFindings } from "../../../queries/payment/findings-view"
import type { ListFindingsQuery } from "../validators"

/** What the reconciliation job found, most recently seen first (admin). */
export async function GET(
  req: MedusaRequest<unknown, ListFindingsQuery>,
  res: MedusaResponse
): Promise<void> {
  res.status(200).json(await listFindings(req.scope, req.validatedQuery))
}
