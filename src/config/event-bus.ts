import { positiveIntFromEnv } from "../utils/env"

/**
 * Retries of Medusa's Redis event bus: how many times an event is handled at most, and
 * the first delay before a retry (doubling each time). Only the subscribers that threw
 * run again; the others are not repeated (Medusa keeps the completed ones on the job).
 */
export type EventBusRetries = { attempts: number; delayMs: number }

export function readEventBusRetries(env: NodeJS.ProcessEnv = process.env): EventBusRetries {
  return {
    attempts: positiveIntFromEnv(env.EVENT_BUS_ATTEMPTS, 5, "EVENT_BUS_ATTEMPTS"),
    delayMs: positiveIntFromEnv(env.EVENT_BUS_RETRY_DELAY_MS, 1000, "EVENT_BUS_RETRY_DELAY_MS"),
  }
}
