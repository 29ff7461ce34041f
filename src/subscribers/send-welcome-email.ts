import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { IdentityEvents, type UserRegisteredData } from "../modules/identity/events"
import { welcomeEmail } from "../utils/identity/emails"

export default async function sendWelcomeEmail({
  event,
  container,
}: SubscriberArgs<UserRegisteredData>): Promise<void> {
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: event.data.email,
    channel: "email",
    template: "welcome",
    content: welcomeEmail(event.data.first_name),
  })
}

export const config: SubscriberConfig = { event: IdentityEvents.USER_REGISTERED }
