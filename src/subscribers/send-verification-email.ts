import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AuthWorkflowEvents, Modules } from "@medusajs/framework/utils"
import { storefrontLink, verificationEmail } from "../utils/identity/emails"
import { identitySettings } from "../config/identity"

type VerificationRequested = { entity_type: string; entity_id: string; code?: string }

/** Medusa's verification flow issued an email code: mail the link that confirms it. */
export default async function sendVerificationEmail({
  event,
  container,
}: SubscriberArgs<VerificationRequested>): Promise<void> {
  const { entity_type, entity_id, code } = event.data
  // No code: the address was verified already and Medusa issued nothing new.
  if (entity_type !== "email" || !code) {
    return
  }
  const link = storefrontLink(identitySettings().storefrontUrl, "verify-email", code)
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: entity_id,
    channel: "email",
    template: "verify-email",
    content: verificationEmail(link),
  })
}

export const config: SubscriberConfig = { event: AuthWorkflowEvents.VERIFICATION_REQUESTED }
