import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"

/** Medusa's Stripe options plus where the Stripe API lives (a fake Stripe in tests). */
export type EngineStripeOptions = StripeOptions & {
  /** e.g. "http://127.0.0.1:12111"; Stripe's own API when unset. */
  apiUrl?: string
  /** Network retries of the Stripe client; its retried POSTs reuse one idempotency key. */
  maxNetworkRetries?: number
}

/** The Stripe client's host options for `apiUrl`, or none for Stripe's own API. */
export function stripeHostOptions(apiUrl: string | undefined): {
  host?: string
  port?: number
  protocol?: "http" | "https"
} {
  if (!apiUrl) {
    return {}
  }
  const url = new URL(apiUrl)
  const protocol = url.protocol.replace(":", "")
  if (protocol !== "http" && protocol !== "https") {
    throw new TypeError(`STRIPE_API_URL must be http(s), got ${apiUrl}`)
  }
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === "https" ? 443 : 80,
    protocol,
  }
}
