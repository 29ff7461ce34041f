import path from "node:path"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { TestSmtpServer } from "../../../../integration-tests/helpers/smtp"

jest.setTimeout(60000)

const smtp = new TestSmtpServer()

beforeAll(async () => {
  await smtp.start()
})

afterAll(async () => {
  await smtp.stop()
})

// Medusa's notification module with the provider registered as medusa-config.ts does it.
// Like every database-backed module test, it needs NODE_OPTIONS=--experimental-vm-modules
// (set by `npm run test:integration:modules` and `npm test`).
moduleIntegrationTestRunner<INotificationModuleService>({
  moduleName: Modules.NOTIFICATION,
  resolve: path.dirname(require.resolve("@medusajs/notification/package.json")),
  moduleOptions: {
    providers: [
      {
        resolve: "./src/modules/email-notification/smtp",
        id: "smtp",
        options: {
          channels: ["email"],
          get url() {
            return smtp.url
          },
          from: "Commerce Engine <no-reply@shop.test>",
        },
      },
    ],
  },
  testSuite: ({ service }) => {
    it("createNotifications on channel email delivers the rendered content over SMTP", async () => {
      const notification = await service.createNotifications({
        to: "alice@shop.test",
        channel: "email",
        template: "verify-email",
        content: {
          subject: "Verify your email",
          text: "Open http://localhost:8000/verify?token=t0k to verify.",
          html: '<a href="http://localhost:8000/verify?token=t0k">Verify</a>',
        },
        data: { token: "t0k" },
      })

      const mail = await smtp.waitForMessage((m) => m.to.includes("alice@shop.test"))
      expect(mail.subject).toBe("Verify your email")
      expect(mail.text).toContain("http://localhost:8000/verify?token=t0k")
      expect(notification).toEqual(
        expect.objectContaining({
          provider_id: "smtp",
          status: "success",
          external_id: expect.stringMatching(/^<.+>$/),
        })
      )
    })
  },
})
