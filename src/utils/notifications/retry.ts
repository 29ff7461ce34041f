/** The longest wait between two runs of a failing notification. */
export const MAX_RETRY_DELAY_MS = 30 * 60_000

/**
 * When the run after failed run number `attempt` (1 = the first) starts: `baseMs`, then
 * doubling, capped; null when `attempts` runs were made already.
 */
export function nextRetryDelayMs(attempt: number, attempts: number, baseMs: number): number | null {
  if (attempt >= attempts) {
    return null
  }
  return Math.min(baseMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS)
}
