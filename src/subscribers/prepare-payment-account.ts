import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CartWorkflowEvents, ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderSettings, STRIPE_PROVIDER_ID } from "../config/order"
import { cartCustomerWithoutAccount } from "../queries/payment/customer-without-account"
import { preparePaymentAccountWorkflow } from "../workflows/payment/prepare-payment-account"

/**
 * A signed-up customer's first cart (the engine's or Medusa's `/store/carts`; not a
 * guest's) sets up their payment account at Stripe in the background, so their first checkout does not wait for Stripe to
 * make a Customer. Best effort: when it fails (Stripe unreachable), the checkout makes the
 * account itself, as before, so the failure is logged and not retried.
 */
export default async function preparePaymentAccount({
  event,
  container,
}: SubscriberArgs<{ id: string }>): Promise<void> {
  const providerId = orderSettings().paymentProviderId
  // Only Stripe keeps account holders; Medusa's system provider has none to make.
  if (providerId !== STRIPE_PROVIDER_ID) {
    return
  }
  const customerId = await cartCustomerWithoutAccount(container, event.data.id, providerId)
  if (!customerId) {
    return
  }
  try {
    await preparePaymentAccountWorkflow(container).run({
      input: { customer_id: customerId, provider_id: providerId },
    })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `Payment account of customer ${customerId} not prepared (checkout will make it): ${(error as Error).message}`
      )
  }
}

export const config: SubscriberConfig = {
  event: CartWorkflowEvents.CREATED,
  context: { subscriberId: "engine-prepare-payment-account" },
}
