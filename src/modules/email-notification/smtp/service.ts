import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { createTransport, type SendMailOptions, type Transporter } from "nodemailer"
import { emailContentOf } from "../content"

export type SmtpEmailOptions = {
  /** `smtp://user:password@host:port` (STARTTLS when offered) or `smtps://…` (TLS). */
  url: string
  /** Default sender, e.g. `Commerce Engine <no-reply@example.com>`. */
  from: string
  /** Read by the notification module, not by the provider. */
  channels?: string[]
}

type InjectedDependencies = { logger: Logger }

function smtpUrlOf(value: unknown): URL | undefined {
  if (typeof value !== "string") {
    return undefined
  }
  try {
    const url = new URL(value)
    return url.protocol === "smtp:" || url.protocol === "smtps:" ? url : undefined
  } catch {
    return undefined
  }
}

/**
 * Sends the `email` channel's notifications through an SMTP server with nodemailer. Errors
 * surface as `MedusaError` (UNEXPECTED_STATE) naming the server but never its credentials.
 */
export class SmtpEmailNotificationService extends AbstractNotificationProviderService {
  static override identifier = "email-smtp"

  protected readonly logger_: Logger
  protected readonly from_: string
  protected readonly transporter_: Transporter
  /** `host:port`, for error messages. */
  protected readonly server_: string
  /** The URL's user name and password, raw and decoded, removed from error messages. */
  protected readonly secrets_: string[]

  static override validateOptions(options: Record<string, unknown>): void {
    if (!smtpUrlOf(options?.url)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "The SMTP email provider needs a `url` option of the form smtp://user:password@host:port (or smtps://)"
      )
    }
    if (typeof options.from !== "string" || !options.from.trim()) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "The SMTP email provider needs a `from` option (the default sender address)"
      )
    }
  }

  constructor({ logger }: InjectedDependencies, options: SmtpEmailOptions) {
    super()
    SmtpEmailNotificationService.validateOptions(options)
    const url = smtpUrlOf(options.url) as URL
    this.logger_ = logger
    this.from_ = options.from
    this.server_ = `${url.hostname}:${url.port || (url.protocol === "smtps:" ? "465" : "587")}`
    this.secrets_ = [url.username, url.password]
      .flatMap((secret) => [secret, safeDecode(secret)])
      .filter((secret) => secret.length > 0)
    // Bounded waits, so an unreachable server fails a send in seconds rather than minutes;
    // query parameters of the URL (`?socketTimeout=60000`) take precedence.
    this.transporter_ = createTransport({
      url: options.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    })
  }

  override async send(
    notification: ProviderSendNotificationDTO
  ): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification?.to) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "An email notification needs a `to`")
    }
    const { subject, text, html } = emailContentOf(notification)
    const message: SendMailOptions = {
      from: notification.from?.trim() || this.from_,
      to: notification.to,
      subject,
      text,
      html,
      attachments: notification.attachments?.map((attachment) => ({
        filename: attachment.filename,
        content: Buffer.from(attachment.content, "base64"),
        contentType: attachment.content_type,
        contentDisposition: attachment.disposition === "inline" ? "inline" : "attachment",
        cid: attachment.id,
      })),
    }
    try {
      const info = await this.transporter_.sendMail(message)
      return { id: info.messageId }
    } catch (error) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Failed to send email through SMTP server ${this.server_}: ${this.reasonOf_(error)}`
      )
    }
  }

  protected reasonOf_(error: unknown): string {
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
    let reason = [code, message].filter((part) => typeof part === "string" && part).join(" ")
    for (const secret of this.secrets_) {
      reason = reason.split(secret).join("***")
    }
    return reason || "unknown error"
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
