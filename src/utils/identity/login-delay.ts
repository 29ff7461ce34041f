/**
 * Failed sign-ins per account, counted across every client address: the first
 * `freeFailures` cost nothing; from then on each failure makes the next attempt wait
 * `baseDelaySeconds`, doubling up to `maxDelaySeconds`. A delay rather than a lockout: an
 * attacker who keeps failing slows the owner down but cannot shut them out. A success
 * clears the count; so do `windowSeconds` without an attempt.
 */
export type LoginThrottleRule = {
  freeFailures: number
  baseDelaySeconds: number
  maxDelaySeconds: number
  windowSeconds: number
}

/** Seconds the next attempt must wait after an account's `failures`-th failure in a row. */
export function loginDelaySeconds(failures: number, rule: LoginThrottleRule): number {
  if (failures < rule.freeFailures) {
    return 0
  }
  // The exponent is capped so the power stays a finite number for any count.
  const doublings = Math.min(failures - rule.freeFailures, 40)
  return Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** doublings)
}

/**
 * The delay after each failure count, 1 to the first count that reaches the maximum
 * (every later count waits the maximum too): the table an atomic store applies.
 */
export function loginDelayTable(rule: LoginThrottleRule): number[] {
  const table: number[] = []
  for (let failures = 1; ; failures++) {
    const delay = loginDelaySeconds(failures, rule)
    table.push(delay)
    if (delay >= rule.maxDelaySeconds) {
      return table
    }
  }
}
