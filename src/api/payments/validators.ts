import { z } from "@medusajs/framework/zod"
import { listSchema, paginationShape } from "../../utils/pagination"
import { paymentView } from "../../queries/payment/payment-view"
import { paymentMethodView } from "../../queries/payment/saved-cards"
import {
  FINDING_KINDS,
  FINDING_RESOLUTIONS,
} from "../../modules/payment-ledger/models/reconciliation-finding"

const id = z.string().min(1).max(100)
/** A decimal amount with at most two places, as a string or a number ("12.50", 12.5). */
const amount = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .refine((value) => /^\d{1,10}(\.\d{1,2})?$/.test(value), "A positive amount with 2 decimals")
  .refine((value) => Number(value) > 0, "Must be greater than 0")

export const createPaymentBody = z.object({ order_id: id })

export const confirmPaymentBody = z.object({
  payment_id: id,
  /** A Stripe PaymentMethod (pm_…), e.g. a saved card; else the one the storefront attached. */
  payment_method_id: z
    .string()
    .regex(/^pm_\w{1,100}$/, "A Stripe PaymentMethod id (pm_…)")
    .optional(),
})

export const refundPaymentBody = z.object({
  payment_id: id,
  /** Defaults to everything still refundable. */
  amount: amount.optional(),
  reason: z.string().max(500).optional(),
})

export const listPaymentsQuery = z.object({
  ...paginationShape,
  /** One order's payments (a customer's own orders only). */
  order_id: id.optional(),
})

export const savePaymentMethodBody = z.object({
  /** A PaymentMethod made by Stripe.js on the storefront (pm_…). */
  payment_method_id: z.string().regex(/^pm_\w{1,100}$/, "A Stripe PaymentMethod id (pm_…)"),
})

export const listFindingsQuery = z.object({
  ...paginationShape,
  resolution: z.enum(FINDING_RESOLUTIONS).optional(),
})

export const paymentList = listSchema(paymentView)

export const paymentMethodList = z.object({ items: z.array(paymentMethodView) })

export const findingView = z.object({
  id: z.string(),
  kind: z.enum(FINDING_KINDS),
  order_id: z.string(),
  payment_id: z.string().nullable(),
  resolution: z.enum(FINDING_RESOLUTIONS),
  detail: z.string(),
  first_seen_at: z.string(),
  last_seen_at: z.string(),
})

export const findingList = listSchema(findingView)

export type CreatePaymentBody = z.infer<typeof createPaymentBody>
export type ConfirmPaymentBody = z.infer<typeof confirmPaymentBody>
export type RefundPaymentBody = z.infer<typeof refundPaymentBody>
export type ListPaymentsQuery = z.infer<typeof listPaymentsQuery>
export type SavePaymentMethodBody = z.infer<typeof savePaymentMethodBody>
export type ListFindingsQuery = z.infer<typeof listFindingsQuery>
export type FindingView = z.infer<typeof findingView>
