import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccountHolderDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { findAccountHolder } from "../../../queries/payment/saved-cards"
import { STRIPE_PROVIDER_ID } from "../../../config/order"

export type EnsureAccountHolderInput = {
  customer_id: string
  /** Stripe unless given (checkout passes the configured provider). */
  provider_id?: string
}

/** How long a request waits for another one making the same customer's holder (seconds). */
const LOCK_TIMEOUT_SECONDS = 30

/** The lock every maker of a customer's account holders takes, in any process. */
export function accountHolderLockKey(customerId: string): string {
  return `account-holder:${customerId}`
}

async function createAndLink(
  container: MedusaContainer,
  customerId: string,
  providerId: string
): Promise<AccountHolderDTO> {
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(customerId, {
    select: ["id", "email", "first_name", "last_name", "phone", "company_name"],
  })
  const holder = await container.resolve(Modules.PAYMENT).createAccountHolder({
    provider_id: providerId,
    context: { customer },
  })
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.CUSTOMER]: { customer_id: customer.id },
    [Modules.PAYMENT]: { account_holder_id: holder.id },
  })
  return holder
}

/**
 * The customer's account holder with the payment provider, made and linked on first use.
 * Medusa's createPaymentSessionsWorkflow makes one itself when it finds none, so a new
 * customer's parallel first orders each tried to, and all but one failed on the unique
 * (provider, external id) index ("Account holder … already exists"). Running this first,
 * under a per-customer lock (Redis locks across instances when REDIS_URL is set), leaves
 * Medusa's workflow an existing holder to reuse. A holder made meanwhile outside the lock
 * (Medusa's own /store payment-session route) is found by re-reading after a duplicate.
 *
 * No compensation, as in Medusa (`noCompensation` on its own account-holder step): the
 * Stripe customer is made with the customer's id as idempotency key, so one deleted on
 * rollback would come back from Stripe's replay as the deleted one for 24 hours, and every
 * payment of the customer would fail. An unused holder costs nothing.
 */
export const ensureAccountHolderStep = createStep(
  "payment-ensure-account-holder",
  async (input: EnsureAccountHolderInput, { container }) => {
    const providerId = input.provider_id ?? STRIPE_PROVIDER_ID
    const existing = await findAccountHolder(container, input.customer_id, providerId)
    if (existing) {
      return new StepResponse<AccountHolderDTO>(existing)
    }
    const holder = await container.resolve(Modules.LOCKING).execute(
      accountHolderLockKey(input.customer_id),
      async () => {
        const made = await findAccountHolder(container, input.customer_id, providerId)
        if (made) {
          return made
        }
        try {
          return await createAndLink(container, input.customer_id, providerId)
        } catch (error) {
          const found = await findAccountHolder(container, input.customer_id, providerId)
          if (found) {
            return found
          }
          throw MedusaError.isMedusaError(error) &&
            (error as MedusaError).type === MedusaError.Types.DUPLICATE_ERROR
            ? new MedusaError(
                MedusaError.Types.CONFLICT,
                "The payment account is being set up by another request; retry"
              )
            : error
        }
      },
      { timeout: LOCK_TIMEOUT_SECONDS }
    )
    return new StepResponse<AccountHolderDTO>(holder)
  }
)
