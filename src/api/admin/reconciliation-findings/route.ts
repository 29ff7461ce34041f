import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listFindings } from "../../../queries/payment/findings-view"
import type { ListFindingsQuery } from "../../payments/validators"

/** GET /payments/reconciliation for the dashboard (its session cookie; same answer). */
export async function GET(
  req: MedusaRequest<unknown, ListFindingsQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  res.status(200).json(await listFindings(req.scope, query))
}
