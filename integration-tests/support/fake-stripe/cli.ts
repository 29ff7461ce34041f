/**
 * `npm run stripe:fake -- [--port 12111] [--forward-to URL] [--api-key KEY]
 *                         [--webhook-secret SECRET] [--no-deliver] [--quiet]`
 *
 * Runs the fake Stripe on 127.0.0.1 until SIGINT/SIGTERM and prints the environment the
 * engine needs to use it. With --forward-to, every event is delivered there, signed, as
 * `stripe listen --forward-to` does against real Stripe (--no-deliver turns that off; then
 * POST /_fake/events/:id/deliver sends one on demand).
 */
import { ConfigError, describeFailure } from "../../../scripts/lib/config-error"
import { fail, info } from "../../../scripts/lib/log"
import { assertPortFree, parsePort } from "../../../scripts/lib/port"
import { FakeStripe } from "./server"

const SCOPE = "stripe:fake"
// stripe-mock's port, so a machine has one well-known place for a local Stripe.
const DEFAULT_PORT = 12111

interface CliOptions {
  port: number
  forwardTo?: string
  apiKey?: string
  webhookSecret?: string
  deliver: boolean
  quiet: boolean
}

const USAGE =
  "usage: npm run stripe:fake -- [--port 12111] [--forward-to URL] [--api-key KEY] [--webhook-secret SECRET] [--no-deliver] [--quiet]"

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: DEFAULT_PORT, deliver: true, quiet: false }
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2)
    const value = (): string => {
      const next = inline ?? argv[++index]
      if (next === undefined || next === "") {
        throw new ConfigError(`${flag} needs a value\n${USAGE}`)
      }
      return next
    }
    switch (flag) {
      case "--port":
        options.port = parsePort(value(), "--port", DEFAULT_PORT)
        break
      case "--forward-to": {
        const url = value()
        if (!/^https?:\/\/[^/]+/.test(url)) {
          throw new ConfigError(`--forward-to "${url}" is not an http(s) URL`)
        }
        options.forwardTo = url
        break
      }
      case "--api-key":
        options.apiKey = value()
        break
      case "--webhook-secret":
        options.webhookSecret = value()
        break
      case "--no-deliver":
        options.deliver = false
        break
      case "--quiet":
        options.quiet = true
        break
      case "--help":
      case "-h":
        throw new ConfigError(USAGE)
      default:
        throw new ConfigError(`unknown option ${argv[index]}\n${USAGE}`)
    }
  }
  return options
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2))
  await assertPortFree(options.port, "--port", "127.0.0.1")
  const fake = new FakeStripe({
    apiKey: options.apiKey,
    webhookSecret: options.webhookSecret,
    webhookUrl: options.forwardTo,
    autoDeliver: Boolean(options.forwardTo) && options.deliver,
    onRequest: options.quiet
      ? undefined
      : (request) =>
          info(
            SCOPE,
            `${request.method} ${request.path} → ${request.status}${request.replayed ? " (idempotent replay)" : ""}`
          ),
    onDelivery: options.quiet
      ? undefined
      : (delivery) =>
          info(
            SCOPE,
            `webhook ${delivery.type} ${delivery.eventId} → ${delivery.status ?? delivery.error}`
          ),
  })
  await fake.start(options.port)
  info(SCOPE, `fake Stripe API listening on ${fake.url}`)
  info(
    SCOPE,
    fake.autoDeliver
      ? `forwarding events to ${fake.webhookUrl}`
      : "not forwarding events (give --forward-to URL to deliver them)"
  )
  info(SCOPE, "set these on the engine:")
  for (const [name, value] of Object.entries(fake.env())) {
    process.stdout.write(`${name}=${value}\n`)
  }

  return await new Promise<number>((resolve) => {
    const stop = () => {
      info(SCOPE, "stopping")
      fake.stop().then(
        () => resolve(0),
        (error: unknown) => {
          fail(SCOPE, describeFailure(error))
          resolve(1)
        }
      )
    }
    process.once("SIGINT", stop)
    process.once("SIGTERM", stop)
  })
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      fail(SCOPE, describeFailure(error))
      process.exit(1)
    }
  )
}
