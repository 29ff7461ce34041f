import { MedusaError } from "@medusajs/framework/utils"

/**
 * The signing secrets (JWT_SECRET for access tokens, COOKIE_SECRET for the dashboard's
 * session cookie). Anyone who knows one can sign an admin token, so production refuses
 * values that are missing, published (Medusa's development default `supersecret`, common
 * placeholders) or short. `npm run dev` generates random ones per install
 * (scripts/lib/dev-secrets.ts).
 */
export const SECRET_VARIABLES = ["JWT_SECRET", "COOKIE_SECRET"] as const

export const MIN_SECRET_LENGTH = 32

const WELL_KNOWN_SECRETS = new Set([
  "supersecret",
  "secret",
  "changeme",
  "change-me",
  "password",
  "jwt_secret",
  "cookie_secret",
])

/** What is wrong with the secrets in `env`, one line each (empty when they are fine). */
export function secretProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = []
  for (const name of SECRET_VARIABLES) {
    const value = env[name]?.trim()
    if (!value) {
      problems.push(`${name} is not set`)
    } else if (WELL_KNOWN_SECRETS.has(value.toLowerCase())) {
      problems.push(`${name} is a well-known default`)
    } else if (value.length < MIN_SECRET_LENGTH) {
      problems.push(`${name} is shorter than ${MIN_SECRET_LENGTH} characters`)
    }
  }
  return problems
}

/** In production (NODE_ENV=production) weak or missing secrets stop the start. */
export function assertProductionSecrets(env: NodeJS.ProcessEnv): void {
  if (env.NODE_ENV !== "production") {
    return
  }
  const problems = secretProblems(env)
  if (problems.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `${problems.join("; ")}: set long random values (openssl rand -hex 32) for production`
    )
  }
}
