import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"

/** What an email provider sends: a subject and a text and/or HTML body. */
export type EmailContent = {
  subject: string
  text?: string
  html?: string
}

/**
 * The email of a notification. Callers pass the rendered `content` (subject, text, html);
 * without it the template name is the subject and the notification's data, as JSON, the
 * text, so nothing is lost even when no one rendered the message.
 */
export function emailContentOf(notification: ProviderSendNotificationDTO): EmailContent {
  const template = notification.template || "notification"
  const content = notification.content
  if (content && (content.subject || content.text || content.html)) {
    return {
      subject: content.subject || template,
      text: content.text || undefined,
      html: content.html || undefined,
    }
  }
  return { subject: template, text: JSON.stringify(notification.data ?? {}, null, 2) }
}
