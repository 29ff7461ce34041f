import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export type InviteView = { id: string; email: string; token: string; expires_at: Date | string }

/** An invite still waiting to be accepted; null when it is unknown, accepted or expired. */
export async function loadOpenInvite(
  container: MedusaContainer,
  inviteId: string
): Promise<InviteView | null> {
  const [invite] = await container
    .resolve(Modules.USER)
    .listInvites(
      { id: inviteId },
      { select: ["id", "email", "token", "accepted", "expires_at"], take: 1 }
    )
  if (!invite || invite.accepted || new Date(invite.expires_at).getTime() <= Date.now()) {
    return null
  }
  return { id: invite.id, email: invite.email, token: invite.token, expires_at: invite.expires_at }
}
