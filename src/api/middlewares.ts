import { definePlatformMiddlewares } from "./utils/platform-middlewares"
import { stripeWebhookMiddlewares } from "./hooks/helpers/stripe-signature"
import { contractRoutes } from "./contracts"
import { categoryLinkMiddlewares } from "./admin/helpers/category-links"
import { orderSocketRoutes } from "./orders/live-sockets"

export default definePlatformMiddlewares(
  contractRoutes,
  [stripeWebhookMiddlewares, categoryLinkMiddlewares],
  orderSocketRoutes
)
