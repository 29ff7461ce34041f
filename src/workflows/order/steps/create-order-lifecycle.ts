import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LIFECYCLE_MODULE } from "../../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../../modules/order-lifecycle/service"
import type { NewLifecycle } from "../../../modules/order-lifecycle/service"

/**
 * A new order's lifecycle row (pending, with its stock hold's end) and the first entry of
 * its history, in one transaction. Compensation deletes both, in one transaction.
 */
export const createOrderLifecycleStep = createStep(
  "order-create-lifecycle",
  async (input: NewLifecycle, { container }) => {
    const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    const { lifecycle, change } = await service.createLifecycleWithHistory(input)
    return new StepResponse(
      { lifecycle, change },
      { lifecycle_id: lifecycle.id, change_id: change.id }
    )
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    await container
      .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
      .deleteLifecycleWithHistory(created)
  }
)
