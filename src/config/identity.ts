import { positiveIntFromEnv } from "../utils/env"
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

export function readIdentitySettings(env: NodeJS.ProcessEnv = process.env): IdentitySettings {
  return {
    accessTokenTtlSeconds: positiveIntFromEnv(env.ACCESS_TOKEN_TTL, 15 * 60, "ACCESS_TOKEN_TTL"),
    refreshTokenTtlSeconds: positiveIntFromEnv(
      env.REFRESH_TOKEN_TTL,
      30 * 24 * 3600,
      "REFRESH_TOKEN_TTL"
    ),
    passwordResetTtlSeconds: positiveIntFromEnv(
      env.PASSWORD_RESET_TTL,
      30 * 60,
      "PASSWORD_RESET_TTL"
    ),
    storefrontUrl: (env.STOREFRONT_URL || "http://localhost:8000").replace(/\/+$/, ""),
  }
}

let cached: IdentitySettings | undefined

export function identitySettings(): IdentitySettings {
  cached ??= readIdentitySettings()
  return cached
}
