import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccountHolderDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { findAccountHolder } from "../../../queries/payment/saved-cards"
import { STRIPE_PROVIDER_ID } from "../../../config/order"

/**
 * The customer's Stripe account holder (a Stripe customer), made and linked on first use
 * as Medusa's createPaymentSessionsWorkflow does.
 *
 * No compensation, as in Medusa (`noCompensation` on its own account-holder step): the
 * Stripe customer is made with the customer's id as idempotency key, so one deleted on
 * rollback would come back from Stripe's replay as the deleted one for 24 hours, and every
 * payment of the customer would fail. An unused Stripe customer costs nothing.
 */
export const ensureAccountHolderStep = createStep(
  "payment-ensure-account-holder",
  async (input: { customer_id: string }, { container }) => {
    const existing = await findAccountHolder(container, input.customer_id)
    if (existing) {
      return new StepResponse<AccountHolderDTO>(existing)
    }
    const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id, {
      select: ["id", "email", "first_name", "last_name", "phone", "company_name"],
    })
    const payments = container.resolve(Modules.PAYMENT)
    const holder = await payments.createAccountHolder({
      provider_id: STRIPE_PROVIDER_ID,
      context: { customer },
    })
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.CUSTOMER]: { customer_id: customer.id },
      [Modules.PAYMENT]: { account_holder_id: holder.id },
    })
    return new StepResponse<AccountHolderDTO>(holder)
  }
)
