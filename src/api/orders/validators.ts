import { z } from "@medusajs/framework/zod"
import { listSchema, paginationShape } from "../../utils/pagination"
import { ORDER_STATUSES } from "../../modules/order-lifecycle/models/order-lifecycle"
import { addressBody } from "../cart/validators"
import { orderView } from "../../queries/order/order-view"

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
export const changeStatusBody = z
  .object({
    status: z.enum(ORDER_STATUSES),
    note: z.string().max(1000).optional(),
    /** The carrier's tracking, with `shipped` only: kept on Medusa's shipment, sent in the email. */
    tracking_number: z.string().trim().min(1).max(200).optional(),
    // Shown as a link in the shipping email: a web address only (no `javascript:` and the like).
    tracking_url: z
      .string()
      .url()
      .max(2000)
      .refine((url) => /^https?:\/\//i.test(url), "must be an http(s) address")
      .optional(),
  })
  .refine((body) => body.status === "shipped" || (!body.tracking_number && !body.tracking_url), {
    message: "Tracking goes with status shipped",
    path: ["tracking_number"],
  })

export const orderList = listSchema(orderView)

/**
 * A live stream's position: the `id` of the last event received (also accepted as the
 * `Last-Event-ID` header, which EventSource sends by itself on reconnection).
 */
export const lastEventId = z
  .string()
  .regex(/^\d{1,15}$/, "An event id received from this stream")
  .optional()

/** GET /orders/events: the caller's orders; admins may narrow to a customer, order or status. */
export const orderEventsQuery = z.object({
  order_id: z.string().min(1).max(100).optional(),
  user_id: z.string().min(1).max(100).optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  last_event_id: lastEventId,
})

/** GET /orders/{id}/events. */
export const oneOrderEventsQuery = z.object({ last_event_id: lastEventId })

export type DirectOrderBody = z.infer<typeof directOrderBody>
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>
export type ChangeStatusBody = z.infer<typeof changeStatusBody>
export type OrderEventsQuery = z.infer<typeof orderEventsQuery>
export type OneOrderEventsQuery = z.infer<typeof oneOrderEventsQuery>
