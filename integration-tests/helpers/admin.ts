import type { AxiosInstance } from "axios"
import type { MedusaContainer, UserDTO } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { bearer, uniqueEmail } from "./unique"

export type AdminSession = {
  user: UserDTO
  email: string
  password: string
  token: string
  headers: { authorization: string }
}

/**
 * A Medusa admin user (emailpass identity + user, as `medusa user` makes) and an access
 * token from a real login through Medusa's /auth route.
 */
export async function createAdminUser(
  container: MedusaContainer,
  api: AxiosInstance,
  overrides: { email?: string; password?: string } = {}
): Promise<AdminSession> {
  const email = overrides.email ?? uniqueEmail("admin")
  const password = overrides.password ?? "admin-password-1"
  const { authIdentity, error } = await container
    .resolve(Modules.AUTH)
    .register("emailpass", { body: { email, password } })
  if (error || !authIdentity) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `admin identity: ${error}`)
  }
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { userData: { email }, authIdentityId: authIdentity.id },
  })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { user, email, password, token: data.token, headers: bearer(data.token) }
}
