/**
 * Output of the developer commands (dev, test). The engine itself logs through
 * Medusa's logger; these wrappers run before it exists.
 */
export function info(scope: string, message: string): void {
  process.stdout.write(`[${scope}] ${message}\n`)
}

export function fail(scope: string, message: string): void {
  process.stderr.write(`[${scope}] error: ${message}\n`)
}
