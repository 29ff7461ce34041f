import type { AccountHolderDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { STRIPE_PROVIDER_ID, orderSettings } from "../../config/order"

/** A saved card as the API shows it: never the card number, only what identifies it. */
export const paymentMethodView = z.object({
  id: z.string(),
  type: z.string(),
  brand: z.string().nullable(),
  last4: z.string().nullable(),
  exp_month: z.number().nullable(),
  exp_year: z.number().nullable(),
})

export type PaymentMethodView = z.infer<typeof paymentMethodView>

type StripePaymentMethod = {
  type?: string
  card?: { brand?: string; last4?: string; exp_month?: number; exp_year?: number } | null
}

export function toPaymentMethodView(method: {
  id: string
  data?: Record<string, unknown> | null
}): PaymentMethodView {
  const data = (method.data ?? {}) as StripePaymentMethod
  return {
    id: method.id,
    type: data.type ?? "card",
    brand: data.card?.brand ?? null,
    last4: data.card?.last4 ?? null,
    exp_month: data.card?.exp_month ?? null,
    exp_year: data.card?.exp_year ?? null,
  }
}

/** Saved cards live at Stripe: without it configured there are none to keep. */
export function assertSavedCardsAvailable(): void {
  if (orderSettings().paymentProviderId !== STRIPE_PROVIDER_ID) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Saved cards need Stripe (set STRIPE_API_KEY); the system provider keeps no cards"
    )
  }
}

/**
 * The customer's account holder with a payment provider (Medusa's customer ↔ account
 * holder link), if any; Stripe's unless another provider is named.
 */
export async function findAccountHolder(
  container: MedusaContainer,
  customerId: string,
  providerId: string = STRIPE_PROVIDER_ID
): Promise<AccountHolderDTO | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "account_holders.*"],
    filters: { id: customerId },
  })
  const holders = ((data[0] as { account_holders?: AccountHolderDTO[] } | undefined)
    ?.account_holders ?? []) as AccountHolderDTO[]
  return holders.find((holder) => holder?.provider_id === providerId) ?? null
}

/** The customer's own saved cards, straight from Stripe (their account holder's). */
export async function listSavedCards(
  container: MedusaContainer,
  customerId: string
): Promise<PaymentMethodView[]> {
  const holder = await findAccountHolder(container, customerId)
  if (!holder) {
    return []
  }
  const methods = await container.resolve(Modules.PAYMENT).listPaymentMethods({
    provider_id: STRIPE_PROVIDER_ID,
    context: { account_holder: holder },
  })
  return methods.map(toPaymentMethodView)
}
