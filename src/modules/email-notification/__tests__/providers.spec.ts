import net from "node:net"
import { logger } from "@medusajs/framework/logger"
import { MedusaError } from "@medusajs/framework/utils"
import { TestSmtpServer } from "../../../../integration-tests/helpers/smtp"
import { LogEmailNotificationService } from "../log"
import { SmtpEmailNotificationService } from "../smtp"

const FROM = "Commerce Engine <no-reply@shop.test>"
const LINK = "http://localhost:8000/verify-email?token=abc123"

async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe("SMTP email provider", () => {
  const smtp = new TestSmtpServer()

  beforeAll(async () => {
    await smtp.start()
  })

  afterAll(async () => {
    await smtp.stop()
  })

  beforeEach(() => smtp.clear())

  it("sends the rendered content to the recipient", async () => {
    const provider = new SmtpEmailNotificationService({ logger }, { url: smtp.url, from: FROM })

    const result = await provider.send({
      to: "alice@shop.test",
      channel: "email",
      template: "verify-email",
      content: {
        subject: "Verify your email",
        text: `Open ${LINK} to verify your address.`,
        html: `<p><a href="${LINK}">Verify your address</a></p>`,
      },
    })

    const mail = await smtp.waitForMessage((m) => m.to.includes("alice@shop.test"))
    expect(result.id).toEqual(expect.stringMatching(/^<.+@.+>$/))
    expect(mail).toEqual({
      to: ["alice@shop.test"],
      from: FROM,
      subject: "Verify your email",
      text: expect.stringContaining(LINK),
      html: expect.stringContaining(`href="${LINK}"`),
      user: undefined,
      attachments: [],
    })
  })

  it("authenticates with the URL's credentials, honours the sender and attaches files", async () => {
    const url = smtp.url.replace("smtp://", "smtp://mailer:pa%40ss@")
    const provider = new SmtpEmailNotificationService({ logger }, { url, from: FROM })

    await provider.send({
      to: "bob@shop.test",
      from: "Support <support@shop.test>",
      channel: "email",
      template: "reset-password",
      content: { subject: "Reset your password", text: "Reset it" },
      attachments: [
        {
          filename: "note.txt",
          content: Buffer.from("hello").toString("base64"),
          content_type: "text/plain",
        },
      ],
    })

    const mail = await smtp.waitForMessage((m) => m.subject === "Reset your password")
    expect(mail.from).toBe("Support <support@shop.test>")
    expect(mail.to).toEqual(["bob@shop.test"])
    expect(mail.user).toBe("mailer")
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: "note.txt", content: Buffer.from("hello") }),
    ])
  })

  it("without content, sends the template name as subject and the data as JSON", async () => {
    const provider = new SmtpEmailNotificationService({ logger }, { url: smtp.url, from: FROM })

    await provider.send({
      to: "carol@shop.test",
      channel: "email",
      template: "order-placed",
      data: { order_id: "order_123" },
    })

    const mail = await smtp.waitForMessage((m) => m.to.includes("carol@shop.test"))
    expect(mail.subject).toBe("order-placed")
    expect(JSON.parse(mail.text)).toEqual({ order_id: "order_123" })
  })

  it("reports an unreachable server as a MedusaError without the URL's credentials", async () => {
    const port = await closedPort()
    const provider = new SmtpEmailNotificationService(
      { logger },
      { url: `smtp://user:s3cret@127.0.0.1:${port}`, from: FROM }
    )

    const error = await provider
      .send({
        to: "dave@shop.test",
        channel: "email",
        template: "verify-email",
        content: { subject: "Hi", text: "Hello" },
      })
      .then(
        () => undefined,
        (e: unknown) => e
      )

    expect(error).toBeInstanceOf(MedusaError)
    const medusaError = error as MedusaError
    expect(medusaError.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(medusaError.message).toContain(`127.0.0.1:${port}`)
    expect(medusaError.message).not.toContain("s3cret")
    expect(medusaError.message).not.toContain("user:")
  })

  it("rejects options without a usable url or sender, without echoing the url", () => {
    expect(() =>
      SmtpEmailNotificationService.validateOptions({ url: "http://user:s3cret@x", from: FROM })
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining("s3cret") }))
    expect(() => SmtpEmailNotificationService.validateOptions({ url: smtp.url })).toThrow(
      MedusaError
    )
    expect(() =>
      SmtpEmailNotificationService.validateOptions({ url: smtp.url, from: FROM })
    ).not.toThrow()
  })
})

describe("log email provider", () => {
  afterEach(() => jest.restoreAllMocks())

  it("logs one info line with the recipient, the subject and the link", async () => {
    const info = jest.spyOn(logger, "info")
    const provider = new LogEmailNotificationService({ logger })

    const result = await provider.send({
      to: "erin@shop.test",
      channel: "email",
      template: "verify-email",
      content: {
        subject: "Verify your email",
        text: `Hello,\n\nopen ${LINK} to verify your address.\n`,
      },
    })

    expect(result.id).toEqual(expect.stringMatching(/^log_/))
    expect(info).toHaveBeenCalledTimes(1)
    const line = String(info.mock.calls[0][0])
    expect(line).not.toContain("\n")
    expect(line).toContain("erin@shop.test")
    expect(line).toContain("Verify your email")
    expect(line).toContain(LINK)
  })
})
