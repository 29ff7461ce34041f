/**
 * What Medusa's locking providers throw when a wait for a lock is given up: an attempt
 * refused ("Failed to acquire lock for key …": the Redis provider's CONFLICT, the
 * in-memory provider's plain Error; `acquireLockStep` rethrows it at its time-out) and
 * `execute`'s time-out ("Timed-out acquiring lock.", a CONFLICT or a plain Error).
 */
const LOCK_WAIT_GIVEN_UP = /^(Failed to acquire lock for key |Timed-out acquiring lock\.)/

/**
 * Whether `error` says only that a lock was busy for longer than the caller would wait;
 * with `key`, that lock's (named in the refusal; a time-out of `execute` names none).
 * An Error, or what a workflow run throws for it: the step's error as a plain object
 * with its message (the workflow engine serialises step errors).
 */
export function isLockWaitGivenUp(error: unknown, key?: string): boolean {
  const message = (error as { message?: unknown } | null)?.message
  return (
    typeof message === "string" &&
    LOCK_WAIT_GIVEN_UP.test(message) &&
    (key === undefined || message.includes(`"${key}"`))
  )
}
