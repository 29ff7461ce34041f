import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import OrderLifecycleModule from "../modules/order-lifecycle"

/**
 * An order's lifecycle row, read with query.graph (`order_lifecycle.order`). Read-only:
 * the row stores `order_id`, so there is no link table to keep in step.
 */
export default defineLink(
  { linkable: OrderLifecycleModule.linkable.orderLifecycle, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
