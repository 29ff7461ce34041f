import { positiveIntFromEnv } from "../utils/env"

/**
 * How the Redis event bus retries a subscriber that failed (an email whose SMTP server was
 * down): BullMQ runs the failed subscribers again, with exponential backoff starting at
 * `retryDelayMs`; subscribers that succeeded are not run again.
 */
export type EventBusRetrySettings = { attempts: number; retryDelayMs: number }

export function readEventBusRetrySettings(
  env: NodeJS.ProcessEnv = process.env
): EventBusRetrySettings {
  return {
    attempts: positiveIntFromEnv(env.EVENT_BUS_ATTEMPTS, 8, "EVENT_BUS_ATTEMPTS"),
    retryDelayMs: positiveIntFromEnv(
      env.EVENT_BUS_RETRY_DELAY_MS,
      2000,
      "EVENT_BUS_RETRY_DELAY_MS"
    ),
  }
}

/** BullMQ job options for Medusa's Redis event bus (`jobOptions`). */
export function eventBusJobOptions(settings: EventBusRetrySettings) {
  return {
    attempts: settings.attempts,
    backoff: { type: "exponential", delay: settings.retryDelayMs },
  }
}
