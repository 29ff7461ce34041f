import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createAdminUser,
  createStoreContext,
  registerAndLogin,
  type AdminSession,
  type EngineUser,
  type StoreContext,
} from "../helpers"

process.env.RATE_LIMIT_AUTH_POINTS = "100"
process.env.RATE_LIMIT_AUTH_IP_POINTS = "1000"

const anyStatus = { validateStatus: () => true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let alice: EngineUser
    let bob: EngineUser
    let admin: AdminSession
    let store: StoreContext

    beforeEach(async () => {
      alice = await registerAndLogin(api, { first_name: "Alice" })
      bob = await registerAndLogin(api, { first_name: "Bob" })
      admin = await createAdminUser(getContainer(), api)
      store = await createStoreContext(getContainer())
    })

    const storeMe = (headers: { authorization: string }) =>
      api.get("/store/customers/me", {
        headers: { ...store.storeHeaders, ...headers },
        ...anyStatus,
      })

    describe("GET /users/{id}", () => {
      it("shows a user to itself and to admins, and is a 404 for anyone else", async () => {
        const self = await api.get(`/users/${alice.id}`, { headers: alice.headers })
        expect(self.data).toMatchObject({ id: alice.id, email: alice.email, is_admin: false })

        const byAdmin = await api.get(`/users/${alice.id}`, { headers: admin.headers })
        expect(byAdmin.data.id).toBe(alice.id)
        const adminSelf = await api.get(`/users/${admin.user.id}`, { headers: admin.headers })
        expect(adminSelf.data).toMatchObject({ email: admin.email, is_admin: true })

        for (const id of [bob.id, "cus_doesnotexist", admin.user.id]) {
          const response = await api.get(`/users/${id}`, { headers: alice.headers, ...anyStatus })
          expect({ id, status: response.status }).toEqual({ id, status: 404 })
        }
        expect((await api.get(`/users/${alice.id}`, anyStatus)).status).toBe(401)
        const unknown = await api.get("/users/cus_nope", { headers: admin.headers, ...anyStatus })
        expect(unknown.status).toBe(404)
      })
    })

    describe("GET /users", () => {
      it("lists customer accounts to admins only, filtered by q and paged", async () => {
        const all = await api.get("/users?limit=1000", { headers: admin.headers })
        expect(all.data).toMatchObject({ count: 2, limit: 100, offset: 0 })
        expect(all.data.items.map((u: { id: string }) => u.id).sort()).toEqual(
          [alice.id, bob.id].sort()
        )

        const byUsername = await api.get(`/users?q=${bob.username.slice(0, 6).toUpperCase()}`, {
          headers: admin.headers,
        })
        expect(byUsername.data.items.map((u: { id: string }) => u.id)).toContain(bob.id)
        const byEmail = await api.get(`/users?q=${encodeURIComponent(alice.email)}`, {
          headers: admin.headers,
        })
        expect(byEmail.data.items.map((u: { id: string }) => u.id)).toEqual([alice.id])

        // A broad q is paged like the whole list; LIKE wildcards in q are literal.
        const broad = await api.get("/users?q=%40&limit=1", { headers: admin.headers })
        expect(broad.data).toMatchObject({ count: 2, limit: 1, offset: 0 })
        expect(broad.data.items).toHaveLength(1)
        const wildcard = await api.get("/users?q=%25", { headers: admin.headers })
        expect(wildcard.data).toMatchObject({ count: 0, items: [] })

        const paged = await api.get("/users?limit=1&offset=1", { headers: admin.headers })
        expect(paged.data).toMatchObject({ count: 2, limit: 1, offset: 1 })
        expect(paged.data.items).toHaveLength(1)

        const asCustomer = await api.get("/users", { headers: alice.headers, ...anyStatus })
        expect(asCustomer.status).toBe(403)
      })
    })

    describe("PUT /users/{id}", () => {
      it("updates names, username and typed preferences of oneself", async () => {
        const first = await api.put(
          `/users/${alice.id}`,
          { first_name: "Alicia", username: "Alicia_99", preferences: { currency: "EUR" } },
          { headers: alice.headers }
        )
        expect(first.data).toMatchObject({
          first_name: "Alicia",
          username: "alicia_99",
          preferences: { currency: "eur" },
        })
        const second = await api.put(
          `/users/${alice.id}`,
          { preferences: { marketing_opt_in: true, notification_channels: ["email"] } },
          { headers: alice.headers }
        )
        expect(second.data.preferences).toEqual({
          currency: "eur",
          marketing_opt_in: true,
          notification_channels: ["email"],
        })
      })

      it("refuses bad preferences, a taken username and another user's id", async () => {
        for (const body of [
          { preferences: { currency: "euro" } },
          { preferences: { theme: "dark" } },
          { email: "new@example.test" },
        ]) {
          const response = await api.put(`/users/${alice.id}`, body, {
            headers: alice.headers,
            ...anyStatus,
          })
          expect({ body, status: response.status }).toEqual({ body, status: 400 })
        }
        const taken = await api.put(
          `/users/${alice.id}`,
          { username: bob.username },
          { headers: alice.headers, ...anyStatus }
        )
        expect(taken.status).toBe(409)
        const other = await api.put(
          `/users/${bob.id}`,
          { first_name: "Mallory" },
          { headers: alice.headers, ...anyStatus }
        )
        expect(other.status).toBe(404)
        expect(
          (await api.get(`/users/${bob.id}`, { headers: admin.headers })).data.first_name
        ).toBe("Bob")
      })

      it("forbids a customer to promote or reactivate itself, changing nothing", async () => {
        for (const body of [{ is_admin: true, first_name: "Root" }, { is_active: false }]) {
          const response = await api.put(`/users/${alice.id}`, body, {
            headers: alice.headers,
            ...anyStatus,
          })
          expect({ body, status: response.status }).toEqual({ body, status: 403 })
        }
        const after = await api.get(`/users/${alice.id}`, { headers: alice.headers })
        expect(after.data).toMatchObject({ first_name: "Alice", is_admin: false, is_active: true })
      })

      it("lets an admin deactivate and reactivate a customer", async () => {
        const off = await api.put(
          `/users/${alice.id}`,
          { is_active: false },
          { headers: admin.headers }
        )
        expect(off.data.is_active).toBe(false)
        expect((await api.get("/auth/me", { headers: alice.headers, ...anyStatus })).status).toBe(
          401
        )
        expect((await storeMe(alice.headers)).status).toBe(401)
        const login = await api.post(
          "/auth/login",
          { email: alice.email, password: alice.password },
          anyStatus
        )
        expect(login.status).toBe(401)
        const refresh = await api.post(
          "/auth/refresh",
          { refresh_token: alice.refresh_token },
          anyStatus
        )
        expect(refresh.status).toBe(401)

        await api.put(`/users/${alice.id}`, { is_active: true }, { headers: admin.headers })
        const again = await api.post("/auth/login", {
          email: alice.email,
          password: alice.password,
        })
        expect(again.status).toBe(200)

        const promote = await api.put(
          `/users/${alice.id}`,
          { is_admin: true },
          { headers: admin.headers, ...anyStatus }
        )
        expect(promote.status).toBe(409)
      })
    })

    describe("DELETE /users/{id}", () => {
      it("deactivates and anonymises; the user can no longer sign in or use old tokens", async () => {
        expect(
          (await api.delete(`/users/${bob.id}`, { headers: alice.headers, ...anyStatus })).status
        ).toBe(404)

        const deleted = await api.delete(`/users/${alice.id}`, { headers: alice.headers })
        expect(deleted.status).toBe(204)

        expect((await api.get("/auth/me", { headers: alice.headers, ...anyStatus })).status).toBe(
          401
        )
        expect((await storeMe(alice.headers)).status).toBe(401)
        const login = await api.post(
          "/auth/login",
          { email: alice.email, password: alice.password },
          anyStatus
        )
        expect(login.status).toBe(401)

        const record = await api.get(`/users/${alice.id}`, { headers: admin.headers })
        expect(record.data).toMatchObject({
          id: alice.id,
          username: null,
          first_name: null,
          is_active: false,
          preferences: {},
        })
        expect(record.data.email).not.toBe(alice.email)

        // The address is free for a new account.
        const again = await registerAndLogin(api, { email: alice.email })
        expect(again.id).not.toBe(alice.id)
      })
    })

    describe("GET /users/{id}/orders", () => {
      it("is an empty page for a user without orders, and a 404 for others", async () => {
        const own = await api.get(`/users/${alice.id}/orders`, { headers: alice.headers })
        expect(own.data).toEqual({ items: [], count: 0, limit: 20, offset: 0 })
        const byAdmin = await api.get(`/users/${alice.id}/orders`, { headers: admin.headers })
        expect(byAdmin.data.count).toBe(0)
        const other = await api.get(`/users/${bob.id}/orders`, {
          headers: alice.headers,
          ...anyStatus,
        })
        expect(other.status).toBe(404)
      })
    })
  },
})
