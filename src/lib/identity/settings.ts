import { MedusaError } from "@medusajs/framework/utils"

/**
 * Token lifetimes and link targets of the identity features, from the environment
 * (README.md lists them).
 */
export type IdentitySettings = {
  accessTokenTtlSeconds: number
  refreshTokenTtlSeconds: number
  passwordResetTtlSeconds: number
  /** Where emailed links point: the storefront's pages that call the API. */
  storefrontUrl: string
}

function seconds(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") {
    return fallback
  }
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `${name} must be a positive whole number of seconds, got "${value}"`
    )
  }
  return parsed
}

export function readIdentitySettings(env: NodeJS.ProcessEnv = process.env): IdentitySettings {
  return {
    accessTokenTtlSeconds: seconds(env.ACCESS_TOKEN_TTL, 15 * 60, "ACCESS_TOKEN_TTL"),
    refreshTokenTtlSeconds: seconds(env.REFRESH_TOKEN_TTL, 30 * 24 * 3600, "REFRESH_TOKEN_TTL"),
    passwordResetTtlSeconds: seconds(env.PASSWORD_RESET_TTL, 30 * 60, "PASSWORD_RESET_TTL"),
    storefrontUrl: (env.STOREFRONT_URL || "http://localhost:8000").replace(/\/+$/, ""),
  }
}

let cached: IdentitySettings | undefined

export function identitySettings(): IdentitySettings {
  cached ??= readIdentitySettings()
  return cached
}
