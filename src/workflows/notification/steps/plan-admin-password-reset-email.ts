import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AuthWorkflowEvents } from "@medusajs/framework/utils"
import { notificationSettings } from "../../../config/notifications"
import { adminPasswordResetDocument, dashboardLink } from "../../../utils/notifications/admin-email"
import {
  deliveryKey,
  emailNotification,
  tokenDigest,
  type OutgoingNotification,
} from "../../../utils/notifications/outgoing"
import { renderEmail } from "../../../utils/notifications/render-email"

export type AdminPasswordResetInput = { email: string; token: string }

/**
 * The dashboard's "forgot password" email: a link to `/app/reset-password?token=…&email=…`,
 * the page that sets the new password through Medusa's `/auth/user/emailpass/update`.
 * Keyed by the token's digest: each request is one email. Reads and renders only.
 */
export const planAdminPasswordResetEmailStep = createStep(
  "notification-plan-admin-password-reset-email",
  async (input: AdminPasswordResetInput) => {
    const settings = notificationSettings()
    const link = dashboardLink(settings.dashboardUrl, "reset-password", {
      token: input.token,
      email: input.email,
    })
    const email = await renderEmail(
      adminPasswordResetDocument(link, settings.shopName, settings.adminLocale),
      settings.adminLocale
    )
    const message: OutgoingNotification = {
      key: deliveryKey(AuthWorkflowEvents.PASSWORD_RESET, tokenDigest(input.token), input.email),
      notification: emailNotification(input.email, "admin-password-reset", email, {
        trigger_type: AuthWorkflowEvents.PASSWORD_RESET,
        resource_type: "user",
      }),
    }
    return new StepResponse([message])
  }
)
