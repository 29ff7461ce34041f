import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_LIFECYCLE_MODULE } from "../../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../../modules/order-lifecycle/service"

export type LoadOrderLifecycleInput = {
  order_id: string
  /** A customer may only reach their own orders: anyone else's is a 404. */
  customer_id?: string
}

/** An order's lifecycle row, read after the order's lock was taken. Reads only. */
export const loadOrderLifecycleStep = createStep(
  "order-load-lifecycle",
  async (input: LoadOrderLifecycleInput, { container }) => {
    const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    const [lifecycle] = await service.listOrderLifecycles({ order_id: input.order_id }, { take: 1 })
    if (!lifecycle || (input.customer_id && lifecycle.customer_id !== input.customer_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found`)
    }
    return new StepResponse(lifecycle)
  }
)
