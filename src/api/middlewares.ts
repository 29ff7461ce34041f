import { definePlatformMiddlewares } from "./utils/platform-middlewares"
import { stripeWebhookMiddlewares } from "./hooks/helpers/stripe-signature"
import { contractRoutes } from "./contracts"
import { orderSocketRoutes } from "./orders/live-sockets"

export default definePlatformMiddlewares(
  contractRoutes,
  [stripeWebhookMiddlewares],
  orderSocketRoutes
)
