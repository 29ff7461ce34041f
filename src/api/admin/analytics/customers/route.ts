import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customersView } from "../../../../queries/analytics/analytics-view"
import { sendReport } from "../../../utils/tabular"
import { periodOf } from "../period"
import { customersTable } from "../tables"
import type { PeriodQuery, CustomersView } from "../validators"

/** New customers and orders of returning customers vs the previous period. */
export async function GET(
  req: MedusaRequest<unknown, PeriodQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  const view: CustomersView = await customersView(req.scope, periodOf(query))
  sendReport(req, res, "customers", view, customersTable)
}
