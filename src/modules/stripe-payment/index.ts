import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import EngineStripeProviderService from "./service"

/**
 * Medusa's Stripe payment provider, registered under Medusa's own identifier
 * (`pp_stripe_stripe`, webhooks at /hooks/payment/stripe_stripe), with the client built
 * from options so it can talk to a fake Stripe (see service.ts).
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [EngineStripeProviderService],
})
