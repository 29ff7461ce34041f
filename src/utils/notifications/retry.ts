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

/**
 * What failed, for the log: a workflow's failure arrives as its serialized error (a plain
 * object with a message), which `String()` printed as "[object Object]".
 */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    return error.message
  }
  if (typeof error === "string") {
    return error
  }
  const message = (error as { message?: unknown } | null)?.message
  if (typeof message === "string") {
    return message
  }
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}
