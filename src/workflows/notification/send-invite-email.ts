import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deliverNotificationsStep } from "./steps/deliver-notifications"
import { planInviteEmailStep } from "./steps/plan-invite-email"

/** Mails an invited admin user the dashboard's link (`invite.created`, `invite.resent`). */
export const sendInviteEmailWorkflow = createWorkflow(
  "notification-send-invite-email",
  (input: { invite_id: string; trigger: string }) => {
    const messages = planInviteEmailStep(input)
    return new WorkflowResponse(deliverNotificationsStep(messages))
  }
)
