import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccountHolderDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { findAccountHolder } from "../../../lib/payment/saved-cards"
import { STRIPE_PROVIDER_ID } from "../../../lib/order/settings"

type CreatedHolder = { customer_id: string; account_holder_id: string }

/**
 * The customer's Stripe account holder (a Stripe customer), made and linked on first use
 * as Medusa's createPaymentSessionsWorkflow does. Compensation removes one made here.
 */
export const ensureAccountHolderStep = createStep(
  "payment-ensure-account-holder",
  async (input: { customer_id: string }, { container }) => {
    const existing = await findAccountHolder(container, input.customer_id)
    if (existing) {
      return new StepResponse<AccountHolderDTO, CreatedHolder | null>(existing, null)
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
    return new StepResponse<AccountHolderDTO, CreatedHolder | null>(holder, {
      customer_id: customer.id,
      account_holder_id: holder.id,
    })
  },
  async (created: CreatedHolder | null | undefined, { container }) => {
    if (!created) {
      return
    }
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
      [Modules.CUSTOMER]: { customer_id: created.customer_id },
      [Modules.PAYMENT]: { account_holder_id: created.account_holder_id },
    })
    await container.resolve(Modules.PAYMENT).deleteAccountHolder(created.account_holder_id)
  }
)
