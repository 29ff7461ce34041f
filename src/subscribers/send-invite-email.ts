import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InviteWorkflowEvents } from "@medusajs/framework/utils"
import { runNotification } from "../tasks/notification/run-notification"

/** Mails the dashboard's invitation when an admin invites a user or resends the invite. */
export default async function sendInviteEmail({
  event,
  container,
}: SubscriberArgs<{ id: string }>): Promise<void> {
  await runNotification(container, {
    kind: "invite",
    input: { invite_id: event.data.id, trigger: event.name },
  })
}

export const config: SubscriberConfig = {
  event: [InviteWorkflowEvents.CREATED, InviteWorkflowEvents.RESENT],
  context: { subscriberId: "engine-send-invite-email" },
}
