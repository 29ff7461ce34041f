import { definePlatformMiddlewares } from "./utils/platform-middlewares"
import { stripeWebhookMiddlewares } from "./hooks/helpers/stripe-signature"
import { contractRoutes } from "./contracts"
import { categoryLinkMiddlewares } from "./admin/helpers/category-links"

export default definePlatformMiddlewares(contractRoutes, [
  stripeWebhookMiddlewares,
  categoryLinkMiddlewares,
])
