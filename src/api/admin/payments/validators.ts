import { z } from "@medusajs/framework/zod"

/**
 * Medusa's dashboard refund (POST /admin/payments/{id}/refund), whose handler the engine
 * replaces (docs/DECISIONS.md, Payments): the body and query Medusa's own middlewares
 * validate (`AdminCreatePaymentRefund`, `AdminGetPaymentParams`'s `fields`), and its answer.
 */
export const dashboardRefundBody = z.strictObject({
  /** What to refund; everything captured when omitted (Medusa's default). */
  amount: z.number().optional(),
  refund_reason_id: z.string().optional(),
  note: z.string().optional(),
})

export const dashboardRefundQuery = z.object({
  /** Medusa's field selection of the payment answered. */
  fields: z.string().optional(),
})

export const dashboardRefundAnswer = z.object({
  payment: z.looseObject({
    id: z.string(),
    amount: z.number(),
    currency_code: z.string(),
    refunds: z.array(z.looseObject({ id: z.string(), amount: z.number() })).optional(),
  }),
})
