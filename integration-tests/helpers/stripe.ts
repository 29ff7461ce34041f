import type { AxiosInstance } from "axios"
import { FakeStripe } from "../support/fake-stripe/server"

export { FakeStripe }

/**
 * A fake Stripe on 127.0.0.1 (integration-tests/support/fake-stripe), started before the
 * app boots: its STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_API_URL configure the
 * engine's Stripe provider (medusa-config.ts reads them when the test runner loads it).
 * Call in a top-level beforeAll, ahead of medusaIntegrationTestRunner.
 */
export async function startFakeStripe(): Promise<FakeStripe> {
  const fake = new FakeStripe()
  await fake.start()
  Object.assign(process.env, fake.env())
  return fake
}

/** Medusa's webhook route for the Stripe provider, on the app under test. */
export function stripeWebhookUrl(api: AxiosInstance): string {
  return `${api.defaults.baseURL}/hooks/payment/stripe_stripe`
}
