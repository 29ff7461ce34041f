import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { listEnvelope } from "../../../../lib/http/pagination"
import { userTarget } from "../../../../lib/identity/user-access"
import { loadUserView } from "../../../../lib/identity/user-view"
import type { UserOrdersQuery } from "../../validators"

type OrderRow = {
  id: string
  display_id: number | null
  status: string
  total: unknown
  currency_code: string
  created_at: Date | string
}

/** A user's orders, newest first (admins have none of their own). */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const target = userTarget(req)
  await loadUserView(req.scope, target.actor_type, target.actor_id)
  const page = req.validatedQuery as unknown as UserOrdersQuery
  if (target.actor_type !== "customer") {
    res.status(200).json(listEnvelope([], 0, page))
    return
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "status", "total", "currency_code", "created_at"],
    filters: { customer_id: target.actor_id },
    pagination: { skip: page.offset, take: page.limit, order: { created_at: "DESC" } },
  })
  const items = (data as OrderRow[]).map((order) => ({
    id: order.id,
    display_id: order.display_id ?? null,
    status: order.status,
    // Decimal string from Medusa's BigNumber, never through a float.
    total: MathBN.convert((order.total ?? 0) as number).toFixed(2),
    currency_code: order.currency_code,
    created_at: new Date(order.created_at).toISOString(),
  }))
  res.status(200).json(listEnvelope(items, metadata?.count ?? items.length, page))
}
