import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ordersByStatusView } from "../../../../queries/analytics/analytics-view"
import { sendReport } from "../../../utils/tabular"
import { periodOf } from "../period"
import { ordersByStatusTable } from "../tables"
import type { PeriodQuery, OrdersByStatusView } from "../validators"

/** Orders placed in the period, by their status now. */
export async function GET(
  req: MedusaRequest<unknown, PeriodQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  const view: OrdersByStatusView = await ordersByStatusView(req.scope, periodOf(query))
  sendReport(req, res, "orders-by-status", view, ordersByStatusTable)
}
