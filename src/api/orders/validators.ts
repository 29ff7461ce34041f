import { z } from "@medusajs/framework/zod"
import { listSchema, paginationShape } from "../../utils/pagination"
import { ORDER_STATUSES } from "../../modules/order-lifecycle/models/order-lifecycle"
import { addressBody, lineView } from "../cart/validators"
import { paymentView } from "../../queries/payment/payment-view"

export const directOrderBody = z.object({
  items: z
    .array(
      z.object({
        product_id: z.string().min(1).max(100),
        quantity: z.number().int("A whole number").min(1).max(1000),
      })
    )
    .min(1, "At least one item")
    .max(100, "At most 100 items"),
  shipping_address: addressBody,
  billing_address: addressBody.optional(),
  shipping_option_id: z.string().min(1).max(100).optional(),
})

/** `status` and `user_id` filter only for admins; customers always see their own. */
export const listOrdersQuery = z.object({
  ...paginationShape,
  status: z.enum(ORDER_STATUSES).optional(),
  user_id: z.string().min(1).max(100).optional(),
})

/** Any spec status is understood; the ones that are not a legal move get a 409. */
export const changeStatusBody = z.object({
  status: z.enum(ORDER_STATUSES),
  note: z.string().max(1000).optional(),
})

const address = z
  .object({
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    company: z.string().nullable(),
    address_1: z.string().nullable(),
    address_2: z.string().nullable(),
    city: z.string().nullable(),
    province: z.string().nullable(),
    postal_code: z.string().nullable(),
    country_code: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .nullable()

export const statusChangeView = z.object({
  from: z.enum(ORDER_STATUSES).nullable(),
  to: z.enum(ORDER_STATUSES),
  actor_type: z.enum(["customer", "admin", "system"]),
  actor_id: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
})

export const paymentSummaryView = z
  .object({
    id: z.string().nullable(),
    payment_collection_id: z.string(),
    provider: z.string().nullable(),
    status: z.string(),
    amount: z.string(),
    captured: z.string(),
    refunded: z.string(),
    currency_code: z.string(),
  })
  .nullable()

export const orderView = z.object({
  id: z.string(),
  display_id: z.number().int(),
  user_id: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  hold_expires_at: z.string().nullable(),
  currency_code: z.string(),
  items: z.array(lineView),
  item_count: z.number().int(),
  subtotal: z.string(),
  discount: z.string(),
  tax: z.string(),
  shipping: z.string(),
  total: z.string(),
  shipping_method: z.string().nullable(),
  shipping_address: address,
  billing_address: address,
  payment: paymentSummaryView,
  status_history: z.array(statusChangeView),
  created_at: z.string(),
  updated_at: z.string(),
})

export const orderList = listSchema(orderView)

/** The order and the payment opened for it (POST /payments/confirm takes its id). */
export const placedOrderView = z.object({ order: orderView, payment: paymentView })

export type DirectOrderBody = z.infer<typeof directOrderBody>
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>
export type ChangeStatusBody = z.infer<typeof changeStatusBody>
