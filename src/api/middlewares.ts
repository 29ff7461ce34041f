import { definePlatformMiddlewares } from "./utils/platform-middlewares"
import { stripeWebhookMiddlewares } from "./hooks/helpers/stripe-signature"
import { contractRoutes } from "./contracts"
import { categoryLinkMiddlewares } from "./admin/helpers/category-links"
import { shippingLinkMiddlewares } from "./admin/helpers/shipping-links"
import { orderSocketRoutes } from "./orders/live-sockets"

export default definePlatformMiddlewares(
  contractRoutes,
  [stripeWebhookMiddlewares, categoryLinkMiddlewares, shippingLinkMiddlewares],
  orderSocketRoutes
)
