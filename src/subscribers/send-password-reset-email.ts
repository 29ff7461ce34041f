import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { IdentityEvents, type PasswordResetRequestedData } from "../modules/identity/events"
import { passwordResetEmail, storefrontLink } from "../utils/identity/emails"
import { identitySettings } from "../config/identity"

export default async function sendPasswordResetEmail({
  event,
  container,
}: SubscriberArgs<PasswordResetRequestedData>): Promise<void> {
  const { email, token, expires_at } = event.data
  const link = storefrontLink(identitySettings().storefrontUrl, "reset-password", token)
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: email,
    channel: "email",
    template: "password-reset",
    content: passwordResetEmail(link, expires_at),
  })
}

export const config: SubscriberConfig = { event: IdentityEvents.PASSWORD_RESET_REQUESTED }
