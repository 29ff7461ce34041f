import { z } from "@medusajs/framework/zod"
import { ORDER_STATUSES } from "../../../modules/order-lifecycle/models/order-lifecycle"
import { ADMIN_SETTABLE_STATUSES } from "../../../utils/order/status-machine"
import { changeStatusBody } from "../../orders/validators"

export const lifecycleView = z.object({
  order_id: z.string(),
  status: z.enum(ORDER_STATUSES),
  allowed_moves: z.array(z.enum(ADMIN_SETTABLE_STATUSES)),
  history: z.array(
    z.object({
      from: z.enum(ORDER_STATUSES).nullable(),
      to: z.enum(ORDER_STATUSES),
      actor_type: z.string(),
      actor_id: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string(),
    })
  ),
})

export { changeStatusBody }
