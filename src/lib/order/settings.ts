import { positiveIntFromEnv } from "../env"

export type OrderSettings = {
  /** How long an unpaid order holds its stock before the expiry job cancels it (minutes). */
  holdMinutes: number
  /** The payment provider checkout opens a payment with. */
  paymentProviderId: string
}

/** Medusa's provider ids: Stripe's when configured, the system provider otherwise. */
export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"
export const SYSTEM_PROVIDER_ID = "pp_system_default"

export function readOrderSettings(env: NodeJS.ProcessEnv = process.env): OrderSettings {
  return {
    holdMinutes: positiveIntFromEnv(env.ORDER_HOLD_MINUTES, 15, "ORDER_HOLD_MINUTES"),
    paymentProviderId: env.STRIPE_API_KEY ? STRIPE_PROVIDER_ID : SYSTEM_PROVIDER_ID,
  }
}

let cached: OrderSettings | undefined

export function orderSettings(): OrderSettings {
  cached ??= readOrderSettings()
  return cached
}
