import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deliverNotificationsStep } from "./steps/deliver-notifications"
import {
  planAdminPasswordResetEmailStep,
  type AdminPasswordResetInput,
} from "./steps/plan-admin-password-reset-email"

/** Mails an admin user the dashboard's password-reset link (Medusa's `auth.password_reset`). */
export const sendAdminPasswordResetEmailWorkflow = createWorkflow(
  "notification-send-admin-password-reset-email",
  (input: AdminPasswordResetInput) => {
    const messages = planAdminPasswordResetEmailStep(input)
    return new WorkflowResponse(deliverNotificationsStep(messages))
  }
)
