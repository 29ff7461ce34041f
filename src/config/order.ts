import { positiveIntFromEnv } from "../utils/env"

export type OrderSettings = {
  /** How long an unpaid order holds its stock before the expiry job cancels it (minutes). */
  holdMinutes: number
  /** The payment provider checkout opens a payment with. */
  paymentProviderId: string
  /**
   * Whether a customer may confirm a payment of Medusa's system provider, which takes no
   * money: in development, or where ALLOW_SYSTEM_PAYMENTS=true says payments are settled
   * outside the engine. Otherwise (production without Stripe) only an admin marks orders
   * paid.
   */
  allowSystemPayments: boolean
  /**
   * How old a checkout's reservation that never reached its order may get before the
   * sweeper (src/jobs/sweep-orphan-reservations.ts) deletes it (minutes): far longer than
   * any checkout runs, so only reservations of a crashed checkout are taken.
   */
  orphanReservationGraceMinutes: number
}

/** Medusa's provider ids: Stripe's when configured, the system provider otherwise. */
export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"
export const SYSTEM_PROVIDER_ID = "pp_system_default"

export function readOrderSettings(env: NodeJS.ProcessEnv = process.env): OrderSettings {
  return {
    holdMinutes: positiveIntFromEnv(env.ORDER_HOLD_MINUTES, 15, "ORDER_HOLD_MINUTES"),
    paymentProviderId: env.STRIPE_API_KEY ? STRIPE_PROVIDER_ID : SYSTEM_PROVIDER_ID,
    allowSystemPayments:
      env.ALLOW_SYSTEM_PAYMENTS === "true" ||
      (env.NODE_ENV !== "production" && env.ALLOW_SYSTEM_PAYMENTS !== "false"),
    orphanReservationGraceMinutes: positiveIntFromEnv(
      env.ORPHAN_RESERVATION_GRACE_MINUTES,
      30,
      "ORPHAN_RESERVATION_GRACE_MINUTES"
    ),
  }
}

let cached: OrderSettings | undefined

export function orderSettings(): OrderSettings {
  cached ??= readOrderSettings()
  return cached
}
