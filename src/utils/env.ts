import { MedusaError } from "@medusajs/framework/utils"

/** A positive whole number from an environment variable, or the default when unset. */
export function positiveIntFromEnv(
  value: string | undefined,
  fallback: number,
  name: string
): number {
  if (value === undefined || value === "") {
    return fallback
  }
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `${name} must be a positive integer, got "${value}"`
    )
  }
  return parsed
}
