import { MedusaService } from "@medusajs/framework/utils"
import { OrderLifecycle } from "./models/order-lifecycle"
import { OrderStatusChange } from "./models/order-status-change"

/**
 * The spec's order statuses and their history. Only the generated CRUD: the rules (which
 * moves are legal, what each does to Medusa's order) live in src/workflows/order.
 */
export default class OrderLifecycleModuleService extends MedusaService({
  OrderLifecycle,
  OrderStatusChange,
}) {}
