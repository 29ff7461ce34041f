import type { AddressInfo } from "node:net"
import { simpleParser, type EmailAddress } from "mailparser"
import { SMTPServer } from "smtp-server"

function senderOf(sender: EmailAddress | undefined): string {
  if (!sender?.address) {
    return ""
  }
  return sender.name ? `${sender.name} <${sender.address}>` : sender.address
}

/** One message as the SMTP server received it. */
export type ReceivedMail = {
  /** Envelope recipients (RCPT TO), so Bcc recipients are included. */
  to: string[]
  /** The From header as `Name <address>` (or just the address), e.g. `Shop <no-reply@shop.test>`. */
  from: string
  subject: string
  text: string
  html: string
  /** The user name the client authenticated with, if it did. */
  user?: string
  attachments: { filename?: string; contentType: string; content: Buffer }[]
}

/**
 * A real SMTP server on 127.0.0.1 (any free port, no TLS, any or no credentials accepted)
 * that keeps every message it receives, parsed. Point a sender at `url`, then
 * `waitForMessage(...)`.
 */
export class TestSmtpServer {
  readonly messages: ReceivedMail[] = []
  private server?: SMTPServer
  private port = 0
  private readonly listeners = new Set<() => void>()
  private failures = 0
  /** How many messages were refused by failNext(). */
  refused = 0

  async start(): Promise<number> {
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ["STARTTLS"],
      authOptional: true,
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username || "anonymous" }),
      onMailFrom: (_address, _session, callback) => {
        if (this.failures > 0) {
          this.failures -= 1
          this.refused += 1
          const error = Object.assign(new Error("Mailbox busy, try again later"), {
            responseCode: 451,
          })
          return callback(error)
        }
        callback()
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.messages.push({
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              from: senderOf(parsed.from?.value[0]),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              user: typeof session.user === "string" ? session.user : undefined,
              attachments: parsed.attachments.map(({ filename, contentType, content }) => ({
                filename,
                contentType,
                content,
              })),
            })
            for (const listener of this.listeners) {
              listener()
            }
            callback()
          })
          .catch((error: Error) => callback(error))
      },
    })
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject)
        resolve()
      })
    })
    // Errors of single connections (a client hanging up) must not crash the test run.
    server.on("error", () => undefined)
    this.server = server
    this.port = (server.server.address() as AddressInfo).port
    return this.port
  }

  /** `smtp://127.0.0.1:<port>`, the value for SMTP_URL or the provider's `url` option. */
  get url(): string {
    if (!this.server) {
      throw new Error("TestSmtpServer is not started")
    }
    return `smtp://127.0.0.1:${this.port}`
  }

  clear(): void {
    this.messages.length = 0
    this.failures = 0
    this.refused = 0
  }

  /** Refuses the next `count` messages with a temporary error (451), as a busy server does. */
  failNext(count: number): void {
    this.failures = count
  }

  /** The first message (already received or still to come) that matches. */
  waitForMessage(
    predicate: (mail: ReceivedMail) => boolean = () => true,
    timeoutMs = 10000
  ): Promise<ReceivedMail> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.messages.find(predicate)
        if (found) {
          clearTimeout(timer)
          this.listeners.delete(check)
          resolve(found)
        }
        return Boolean(found)
      }
      const timer = setTimeout(() => {
        this.listeners.delete(check)
        const seen = this.messages.map((mail) => `${mail.to.join(",")}: ${mail.subject}`)
        reject(
          new Error(
            `No matching email within ${timeoutMs} ms; received: ${seen.length ? seen.join("; ") : "none"}`
          )
        )
      }, timeoutMs)
      if (!check()) {
        this.listeners.add(check)
      }
    })
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    this.listeners.clear()
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** The token of a `<storefront>/<page>?token=…` link in a received mail's text. */
export function tokenFromLink(
  text: string,
  page: string,
  storefront = "https://shop.example"
): string {
  const escaped = storefront.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  const match = text.match(new RegExp(`${escaped}/${page}\\?token=(\\S+)`))
  if (!match) {
    throw new Error(`no ${page} link in: ${text}`)
  }
  return decodeURIComponent(match[1])
}
