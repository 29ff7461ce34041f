import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { topProductsView } from "../../../../queries/analytics/analytics-view"
import { sendReport } from "../../../utils/tabular"
import { periodOf } from "../period"
import { topProductsTable } from "../tables"
import type { TopProductsQuery, TopProductsView } from "../validators"

/** Best sellers by revenue (per currency) and by units. */
export async function GET(
  req: MedusaRequest<unknown, TopProductsQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  const view: TopProductsView = await topProductsView(req.scope, periodOf(query), query.limit)
  sendReport(req, res, "top-products", view, topProductsTable)
}
