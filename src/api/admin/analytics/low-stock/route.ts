import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { catalogSettings } from "../../../../config/catalog"
import { lowStockView } from "../../../../queries/analytics/low-stock-view"
import { sendReport } from "../../../utils/tabular"
import { lowStockTable } from "../tables"
import type { LowStockQuery, LowStockView } from "../validators"

/** Products under the low-stock threshold (LOW_STOCK_THRESHOLD unless given), fewest first. */
export async function GET(
  req: MedusaRequest<unknown, LowStockQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  const threshold = query.threshold ?? catalogSettings().lowStockThreshold
  const view: LowStockView = await lowStockView(req.scope, threshold, query)
  sendReport(req, res, "low-stock", view, lowStockTable)
}
