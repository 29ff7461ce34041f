import type { ConfigModule } from "@medusajs/framework/types"
import { loadConfig as loadEnvConfig } from "./load-config"

function loadConfig(env: Record<string, string>): ConfigModule {
  return loadEnvConfig(env, ["EVENT_BUS_CONCURRENCY"])
}

function workerConcurrency(config: ConfigModule): unknown {
  const bus = config.modules?.event_bus as {
    resolve: string
    options: { workerOptions?: { concurrency?: number } }
  }
  expect(bus.resolve).toBe("@medusajs/medusa/event-bus-redis")
  return bus.options.workerOptions?.concurrency
}

describe("event bus configuration", () => {
  it("handles 10 events at once per process by default, or EVENT_BUS_CONCURRENCY", () => {
    expect(workerConcurrency(loadConfig({ REDIS_URL: "redis://localhost:6379" }))).toBe(10)
    expect(
      workerConcurrency(
        loadConfig({ REDIS_URL: "redis://localhost:6379", EVENT_BUS_CONCURRENCY: "3" })
      )
    ).toBe(3)
  })

  it("refuses a value that is not a positive integer", () => {
    for (const value of ["0", "-2", "1.5", "many"]) {
      expect(() => loadConfig({ EVENT_BUS_CONCURRENCY: value })).toThrow(
        `EVENT_BUS_CONCURRENCY must be a positive integer, got "${value}"`
      )
    }
  })
})

describe("event bus retries", () => {
  const jobOptions = (env: Record<string, string>) => {
    const config = loadEnvConfig({ REDIS_URL: "redis://localhost:6379", ...env }, [
      "EVENT_BUS_ATTEMPTS",
      "EVENT_BUS_RETRY_DELAY_MS",
    ])
    return (config.modules?.event_bus as { options: { jobOptions?: unknown } }).options.jobOptions
  }

  it("retries a failing handler 4 times by default, from 1 s doubling (Medusa's default is no retry)", () => {
    expect(jobOptions({})).toEqual({ attempts: 5, backoff: { type: "exponential", delay: 1000 } })
    expect(jobOptions({ EVENT_BUS_ATTEMPTS: "2", EVENT_BUS_RETRY_DELAY_MS: "50" })).toEqual({
      attempts: 2,
      backoff: { type: "exponential", delay: 50 },
    })
  })
})
