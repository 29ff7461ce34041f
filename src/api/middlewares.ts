import { definePlatformMiddlewares } from "./utils/platform-middlewares"
import { stripeWebhookMiddlewares } from "./hooks/helpers/stripe-signature"
import { contractRoutes } from "./contracts"

export default definePlatformMiddlewares(contractRoutes, [stripeWebhookMiddlewares])
