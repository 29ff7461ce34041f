/**
 * Settings the demo seed and the dev command share: the dev command prints them and
 * looks the publishable key up to decide whether the seed has run.
 */
export const DEMO_PUBLISHABLE_KEY_TITLE = "Demo Storefront"

export const DEFAULT_ADMIN_EMAIL = "admin@example.com"
export const DEFAULT_ADMIN_PASSWORD = "supersecret-admin"

export function demoAdminCredentials(env: NodeJS.ProcessEnv = process.env): {
  email: string
  password: string
} {
  return {
    email: env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD,
  }
}
