import { createHash } from "node:crypto"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import type { RenderedEmail } from "./document"

/**
 * A message to send once: `key` names its cause and recipient, so the same event delivered
 * twice (or retried) finds the message already sent.
 */
export type OutgoingNotification = { key: string; notification: CreateNotificationDTO }

/** `<cause>:<id>:<recipient>`, recipients compared without case. */
export function deliveryKey(cause: string, id: string, recipient: string): string {
  return `${cause}:${id}:${recipient.trim().toLowerCase()}`
}

/** A secret (a reset or invite token) as it may appear in a key: its SHA-256, shortened. */
export function tokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 32)
}

/** An email of the `email` channel with its rendered content. */
export function emailNotification(
  to: string,
  template: string,
  email: RenderedEmail,
  context: Pick<
    CreateNotificationDTO,
    "trigger_type" | "resource_id" | "resource_type" | "receiver_id"
  > = {}
): CreateNotificationDTO {
  return {
    to,
    channel: "email",
    template,
    content: { subject: email.subject, text: email.text, html: email.html },
    ...context,
  }
}
