import { definePlatformMiddlewares } from "../lib/http/platform-middlewares"
import { stripeWebhookMiddlewares } from "../lib/payment/stripe-signature"
import { contractRoutes } from "./contracts"

export default definePlatformMiddlewares(contractRoutes, [stripeWebhookMiddlewares])
