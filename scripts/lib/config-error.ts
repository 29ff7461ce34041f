/**
 * A configuration problem the user can fix. The dev and test commands print its message
 * as one line (no stack trace) and exit with status 1.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ConfigError"
  }
}

/** One line, no stack: what went wrong and what to do about it. */
export function describeFailure(error: unknown): string {
  if (error instanceof ConfigError) {
    return error.message
  }
  const message = error instanceof Error ? error.message : String(error)
  return `unexpected failure: ${message.split("\n")[0]}`
}
