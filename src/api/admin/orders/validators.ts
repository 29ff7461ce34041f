import { z } from "@medusajs/framework/zod"

/**
 * Medusa's dashboard order cancellation (POST /admin/orders/{id}/cancel), whose handler the
 * engine replaces (docs/DECISIONS.md, "Medusa's dashboard cancellation under the order
 * lock"): the query Medusa's own middlewares validate (`AdminGetOrdersOrderParams`'s
 * `fields`), and its answer. It takes no body.
 */
export const dashboardCancelQuery = z.object({
  /** Medusa's field selection of the order answered. */
  fields: z.string().optional(),
})

export const dashboardCancelAnswer = z.object({
  order: z.looseObject({ id: z.string(), status: z.string() }),
})
