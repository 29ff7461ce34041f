import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AuthWorkflowEvents } from "@medusajs/framework/utils"
import { runNotification } from "../tasks/notification/run-notification"

type PasswordResetData = { entity_id: string; actor_type: string; token: string }

/**
 * The dashboard's "forgot password" (`/auth/user/emailpass/reset-password`). Customers
 * reset through the engine's own `/auth/forgot-password` (send-password-reset-email.ts).
 */
export default async function sendAdminPasswordResetEmail({
  event,
  container,
}: SubscriberArgs<PasswordResetData>): Promise<void> {
  if (event.data.actor_type !== "user") {
    return
  }
  await runNotification(container, {
    kind: "admin_password_reset",
    input: { email: event.data.entity_id, token: event.data.token },
  })
}

export const config: SubscriberConfig = {
  event: AuthWorkflowEvents.PASSWORD_RESET,
  context: { subscriberId: "engine-send-admin-password-reset-email" },
}
