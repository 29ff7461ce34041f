/**
 * The fake Stripe of the benchmarks on its own (for manual runs against a server started
 * with STRIPE_API_KEY=sk_test_load STRIPE_WEBHOOK_SECRET=whsec_load
 * STRIPE_API_URL=http://127.0.0.1:12190), until interrupted.
 */
import { FakeStripe } from "../integration-tests/support/fake-stripe/server"

const base = process.env.BENCH_URL ?? "http://localhost:9300"
const stripe = new FakeStripe({
  apiKey: "sk_test_load",
  webhookSecret: "whsec_load",
  webhookUrl: new URL("/hooks/payment/stripe_stripe", base).toString(),
  autoDeliver: true,
})
void stripe.start(Number(process.env.BENCH_STRIPE_PORT ?? 12190)).then(() => {
  process.stderr.write(`fake Stripe on ${stripe.url}\n`)
})
process.on("SIGTERM", () => void stripe.stop().then(() => process.exit(0)))
