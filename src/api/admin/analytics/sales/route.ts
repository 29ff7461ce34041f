import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { salesView } from "../../../../queries/analytics/analytics-view"
import { sendReport } from "../../../utils/tabular"
import { periodOf } from "../period"
import { salesTable } from "../tables"
import type { SalesQuery, SalesView } from "../validators"

/** Sales per day, week or month in the period's timezone, per currency. */
export async function GET(
  req: MedusaRequest<unknown, SalesQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  const view: SalesView = await salesView(req.scope, periodOf(query), query.grain)
  sendReport(req, res, "sales", view, salesTable)
}
