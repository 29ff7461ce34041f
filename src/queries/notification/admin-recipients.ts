import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** At most this many admin users get an alert email (a shop has a handful). */
export const MAX_ALERT_RECIPIENTS = 200

export type AdminRecipient = { id: string; email: string }

/** The admin users (Medusa's user module), oldest first, who receive operational alerts. */
export async function listAdminRecipients(container: MedusaContainer): Promise<AdminRecipient[]> {
  const users = await container
    .resolve(Modules.USER)
    .listUsers(
      {},
      { select: ["id", "email"], order: { created_at: "ASC" }, take: MAX_ALERT_RECIPIENTS }
    )
  return users.map((user) => ({ id: user.id, email: user.email }))
}
