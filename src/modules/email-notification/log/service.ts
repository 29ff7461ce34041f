import { randomUUID } from "node:crypto"
import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { emailContentOf } from "../content"

export type LogEmailOptions = {
  /** Read by the notification module, not by the provider. */
  channels?: string[]
}

type InjectedDependencies = { logger: Logger }

/**
 * Development stand-in for SMTP: writes each email of the `email` channel to the logger as
 * one info line (recipient, subject, body), so verification and reset links can be
 * followed from the console. Nothing is delivered.
 */
export class LogEmailNotificationService extends AbstractNotificationProviderService {
  static override identifier = "email-log"

  protected readonly logger_: Logger

  constructor({ logger }: InjectedDependencies, _options: LogEmailOptions = {}) {
    super()
    this.logger_ = logger
    if (process.env.NODE_ENV === "production") {
      this.logger_.warn(
        "Emails are written to the log, not sent: set SMTP_URL to deliver them (they may hold sign-in links)"
      )
    }
  }

  override async send(
    notification: ProviderSendNotificationDTO
  ): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification?.to) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "An email notification needs a `to`")
    }
    const { subject, text, html } = emailContentOf(notification)
    const body = (text ?? html ?? "").replace(/\s*\r?\n\s*/g, " ").trim()
    this.logger_.info(`Email (not sent, no SMTP_URL) to ${notification.to} | ${subject} | ${body}`)
    return { id: `log_${randomUUID()}` }
  }
}
