import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { summaryView } from "../../../../queries/analytics/analytics-view"
import { sendReport } from "../../../utils/tabular"
import { periodOf } from "../period"
import { summaryTable } from "../tables"
import type { PeriodQuery, SummaryView } from "../validators"

/** Revenue, orders, average order value, refunds, new customers vs the previous period. */
export async function GET(
  req: MedusaRequest<unknown, PeriodQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  const view: SummaryView = await summaryView(req.scope, periodOf(query))
  sendReport(req, res, "summary", view, summaryTable)
}
