import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedAdminUser } from "./seed/admin-user"
import { seedCatalog } from "./seed/catalog"
import { seedFulfillment } from "./seed/fulfillment"
import { seedStore } from "./seed/store"

/**
 * Demo data for development (`npm run seed`, run once by `npm run dev`). Every part
 * checks what exists first, so running it again changes nothing.
 */
export default async function seedDemoData({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ctx = await seedStore(container)
  const locationId = await seedFulfillment(container, ctx)
  await seedCatalog(container, ctx, locationId)
  await seedAdminUser(container)
  logger.info("seed: demo data is in place")
}
