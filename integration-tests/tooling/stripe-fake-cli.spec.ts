import { spawn, type ChildProcess } from "node:child_process"
import http from "node:http"
import path from "node:path"
import Stripe from "stripe"
import { findFreePort } from "../../scripts/lib/port"

// `npm run stripe:fake -- --forward-to URL` as docs/STOREFRONT.md tells a developer to run
// it: the events of a payment reach URL signed with the secret it prints, as
// `stripe listen --forward-to` does with a real account.
jest.setTimeout(120_000)

const ROOT = path.resolve(__dirname, "../..")

type Received = { body: string; signature: string; path: string }

/** A webhook endpoint on 127.0.0.1 that keeps what it receives. */
async function receiver(): Promise<{ url: string; received: Received[]; close: () => void }> {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    let body = ""
    req.on("data", (chunk: Buffer) => (body += chunk.toString()))
    req.on("end", () => {
      received.push({ body, signature: String(req.headers["stripe-signature"]), path: req.url! })
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}/hooks/payment/stripe_stripe`,
    received,
    close: () => server.close(),
  }
}

type Fake = { env: Record<string, string>; output: () => string; stop: () => Promise<void> }

/** Starts `npm run stripe:fake -- …args` and waits for the settings it prints. */
async function startFake(args: string[]): Promise<Fake> {
  const child: ChildProcess = spawn("npm", ["run", "stripe:fake", "--", ...args], {
    cwd: ROOT,
    detached: true,
  })
  let output = ""
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()))
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once("exit", resolve))
      process.kill(-child.pid, "SIGTERM")
      await exited
    }
  }
  const deadline = Date.now() + 60_000
  while (!/^STRIPE_API_URL=/m.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`stripe:fake did not start:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const env = Object.fromEntries(
    [...output.matchAll(/^(STRIPE_[A-Z_]+)=(\S+)$/gm)].map(([, name, value]) => [name, value])
  )
  return { env, output: () => output, stop }
}

function stripeFor(env: Record<string, string>): Stripe {
  const url = new URL(env.STRIPE_API_URL)
  return new Stripe(env.STRIPE_API_KEY, {
    host: url.hostname,
    port: Number(url.port),
    protocol: "http",
  })
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!check() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe("npm run stripe:fake", () => {
  it("--forward-to delivers a payment's events there, signed with the secret it prints", async () => {
    const hooks = await receiver()
    const fake = await startFake([
      "--port",
      String(await findFreePort()),
      "--forward-to",
      hooks.url,
    ])
    try {
      expect(fake.output()).toContain(`forwarding events to ${hooks.url}`)
      expect(Object.keys(fake.env).sort()).toEqual([
        "STRIPE_API_KEY",
        "STRIPE_API_URL",
        "STRIPE_WEBHOOK_SECRET",
      ])
      const stripe = stripeFor(fake.env)
      const intent = await stripe.paymentIntents.create({
        amount: 2000,
        currency: "usd",
        payment_method: "pm_card_visa",
        confirm: true,
      })
      expect(intent.status).toBe("succeeded")

      const succeeded = () =>
        hooks.received.find((hook) => JSON.parse(hook.body).type === "payment_intent.succeeded")
      await until(() => succeeded() !== undefined)
      const hook = succeeded()
      expect(hook?.path).toBe("/hooks/payment/stripe_stripe")
      // Verified as the engine verifies it: a wrong secret or altered body would throw.
      const event = stripe.webhooks.constructEvent(
        hook!.body,
        hook!.signature,
        fake.env.STRIPE_WEBHOOK_SECRET
      )
      expect(event.data.object).toMatchObject({ id: intent.id, status: "succeeded" })
      expect(() =>
        stripe.webhooks.constructEvent(hook!.body, hook!.signature, "whsec_someone_else")
      ).toThrow()
    } finally {
      await fake.stop()
      hooks.close()
    }
  })

  it("--no-deliver keeps the events until one is delivered by hand", async () => {
    const hooks = await receiver()
    const fake = await startFake([
      ...["--port", String(await findFreePort()), "--forward-to", hooks.url, "--no-deliver"],
    ])
    try {
      expect(fake.output()).toContain("not forwarding events")
      const intent = await stripeFor(fake.env).paymentIntents.create({
        amount: 1500,
        currency: "usd",
        payment_method: "pm_card_visa",
        confirm: true,
      })
      const control = (route: string, init?: RequestInit) =>
        fetch(`${fake.env.STRIPE_API_URL}/_fake${route}`, init).then((r) => r.json())
      const kept = (await control(`/events?type=payment_intent.succeeded&object=${intent.id}`)) as {
        id: string
      }[]
      expect(kept).toHaveLength(1)
      const delivered = await control(`/events/${kept[0].id}/deliver`, { method: "POST" })
      expect(delivered).toEqual({ statuses: [200] })
      // Only the event sent by hand arrived (at the --forward-to URL), none by itself.
      await until(() => hooks.received.length > 0)
      expect(hooks.received.map((hook) => JSON.parse(hook.body).id)).toEqual([kept[0].id])
      expect(hooks.received[0].path).toBe("/hooks/payment/stripe_stripe")
    } finally {
      await fake.stop()
      hooks.close()
    }
  })
})
