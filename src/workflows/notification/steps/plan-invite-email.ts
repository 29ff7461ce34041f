import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notificationSettings } from "../../../config/notifications"
import { loadOpenInvite } from "../../../queries/notification/invite-view"
import { dashboardLink, inviteDocument } from "../../../utils/notifications/admin-email"
import {
  deliveryKey,
  emailNotification,
  tokenDigest,
  type OutgoingNotification,
} from "../../../utils/notifications/outgoing"
import { renderEmail } from "../../../utils/notifications/render-email"

/**
 * The invitation email: a link to the dashboard's `/app/invite?token=…`. Keyed by the
 * invite and its token, so a resent invite (a new token) is a new email and a redelivered
 * event is not. Nothing for an invite accepted, expired or deleted meanwhile. Reads and
 * renders only.
 */
export const planInviteEmailStep = createStep(
  "notification-plan-invite-email",
  async (input: { invite_id: string; trigger: string }, { container }) => {
    const invite = await loadOpenInvite(container, input.invite_id)
    if (!invite) {
      return new StepResponse<OutgoingNotification[]>([])
    }
    const settings = notificationSettings()
    const link = dashboardLink(settings.dashboardUrl, "invite", { token: invite.token })
    const email = await renderEmail(
      inviteDocument(link, invite.expires_at, settings.shopName, settings.adminLocale),
      settings.adminLocale
    )
    const message: OutgoingNotification = {
      key: deliveryKey("invite", `${invite.id}:${tokenDigest(invite.token)}`, invite.email),
      notification: emailNotification(invite.email, "admin-invite", email, {
        trigger_type: input.trigger,
        resource_type: "invite",
        resource_id: invite.id,
      }),
    }
    return new StepResponse([message])
  }
)
