import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { demoAdminCredentials } from "./demo-settings"

type Container = ExecArgs["container"]

/**
 * The demo admin, the same way `medusa user -e … -p …` makes one: an emailpass auth
 * identity plus a user linked to it, so the credentials work in /app and /auth.
 */
export async function seedAdminUser(container: Container): Promise<void> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { email, password } = demoAdminCredentials()

  const [existing] = await userModule.listUsers({ email })
  if (existing) {
    return
  }
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email, password },
  })
  if (error || !authIdentity) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `seed: admin user: ${error}`)
  }
  await createUserAccountWorkflow(container).run({
    input: { userData: { email }, authIdentityId: authIdentity.id },
  })
  logger.info(`seed: admin user ${email}`)
}
