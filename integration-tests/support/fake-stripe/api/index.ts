import { customerRoutes } from "./customers"
import { eventRoutes } from "./events"
import { paymentIntentRoutes } from "./payment-intents"
import { refundRoutes } from "./refunds"
import type { Route } from "./router"
import { setupIntentRoutes } from "./setup-intents"

export { dispatch } from "./router"

export const routes: readonly Route[] = [
  ...paymentIntentRoutes,
  ...refundRoutes,
  ...customerRoutes,
  ...setupIntentRoutes,
  ...eventRoutes,
]
