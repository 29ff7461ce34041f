import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AdminSession } from "../helpers"
import { updateUserWorkflow } from "../../src/workflows/identity/update-user"

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }

/** Actor revocations cut at whole seconds (JWT `iat`): a token must be from an earlier one. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_100))

// The dashboard signs in with a token, then trades it for a `connect.sid` cookie session
// (POST /auth/session). Logging out and deactivation must end that cookie too, on Medusa's
// /admin routes and on the engine's /admin routes alike.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession

    beforeEach(async () => {
      admin = await createAdminUser(getContainer(), api)
    })

    async function cookieFor(token: string): Promise<string> {
      const session = await api.post(
        "/auth/session",
        {},
        { headers: { authorization: `Bearer ${token}` } }
      )
      const cookie = String(session.headers["set-cookie"]?.[0]).split(";")[0]
      expect(cookie).toMatch(/^connect\.sid=/)
      return cookie
    }

    /** The statuses of a Medusa /admin route and an engine /admin route with the cookie. */
    async function adminStatuses(cookie: string): Promise<number[]> {
      const headers = { cookie }
      const me = await api.get("/admin/users/me", { headers, ...anyStatus })
      const lifecycle = await api.get("/admin/order-lifecycle/order_missing", {
        headers,
        ...anyStatus,
      })
      return [me.status, lifecycle.status]
    }

    it("ends the cookie session when the Medusa token it came from is logged out", async () => {
      const cookie = await cookieFor(admin.token)
      expect(await adminStatuses(cookie)).toEqual([200, 404])
      await nextSecond()
      const logout = await api.post("/auth/logout", {}, { headers: admin.headers, ...anyStatus })
      expect(logout.status).toBe(204)
      expect(await adminStatuses(cookie)).toEqual([401, 401])

      // A new sign-in gets a working session again.
      const { data } = await api.post("/auth/user/emailpass", {
        email: admin.email,
        password: admin.password,
      })
      expect(await adminStatuses(await cookieFor(data.token))).toEqual([200, 404])
    })

    it("ends the cookie session made from an engine token when that session logs out", async () => {
      const login = await api.post("/auth/login", { email: admin.email, password: admin.password })
      const token = login.data.access_token as string
      const cookie = await cookieFor(token)
      const other = await cookieFor(admin.token)
      expect(await adminStatuses(cookie)).toEqual([200, 404])
      const logout = await api.post(
        "/auth/logout",
        {},
        { headers: { authorization: `Bearer ${token}` }, ...anyStatus }
      )
      expect(logout.status).toBe(204)
      expect(await adminStatuses(cookie)).toEqual([401, 401])
      // Only that session: the admin's other session goes on.
      expect(await adminStatuses(other)).toEqual([200, 404])
    })

    it("ends every cookie session of a deactivated admin", async () => {
      const cookie = await cookieFor(admin.token)
      expect(await adminStatuses(cookie)).toEqual([200, 404])
      await updateUserWorkflow(getContainer()).run({
        input: { actor_type: "user", actor_id: admin.user.id, is_active: false },
      })
      expect(await adminStatuses(cookie)).toEqual([401, 401])
      // The block outlives the sign-out cutoff: a Medusa token from this very second is
      // refused too (the cutoff used to overwrite the block).
      const bearer = await api.get("/admin/users/me", { headers: admin.headers, ...anyStatus })
      expect(bearer.status).toBe(401)
      // Destroyed, not just refused: reactivation does not bring the old cookie back.
      await updateUserWorkflow(getContainer()).run({
        input: { actor_type: "user", actor_id: admin.user.id, is_active: true },
      })
      expect(await adminStatuses(cookie)).toEqual([401, 401])
    })
  },
})
