import type { AxiosInstance } from "axios"
import { uniqueEmail } from "./unique"

export type EngineUser = {
  id: string
  email: string
  username: string
  password: string
  access_token: string
  refresh_token: string
  headers: { authorization: string }
}

let sequence = 0

/** A customer registered and signed in through the engine's own /auth routes. */
export async function registerAndLogin(
  api: AxiosInstance,
  overrides: { email?: string; username?: string; password?: string; first_name?: string } = {}
): Promise<EngineUser> {
  sequence += 1
  const email = overrides.email ?? uniqueEmail("user")
  const username = overrides.username ?? `user${sequence}${Date.now() % 100000}`
  const password = overrides.password ?? "a-good-password-1"
  const { data: user } = await api.post("/auth/register", {
    email,
    username,
    password,
    first_name: overrides.first_name ?? "Test",
  })
  const { data: tokens } = await api.post("/auth/login", { email, password })
  return {
    id: user.id,
    email,
    username: user.username,
    password,
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    headers: { authorization: `Bearer ${tokens.access_token}` },
  }
}
