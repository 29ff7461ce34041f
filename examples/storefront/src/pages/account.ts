import { engine, sdk, session, unwrap } from "../api"
import { fields, h, render } from "../dom"
import { errorBox } from "../errors"
import { flash, go } from "../router"

function authForm(
  title: string,
  inputs: HTMLElement[],
  submit: (values: Record<string, string>) => Promise<void>
): HTMLElement {
  const status = h("div")
  const form = h(
    "form",
    { class: "stack", "data-testid": "auth-form" },
    h("h1", {}, title),
    ...inputs,
    h("button", { type: "submit" }, title),
    status
  ) as HTMLFormElement
  form.addEventListener("submit", async (event) => {
    event.preventDefault()
    status.replaceChildren()
    try {
      await submit(fields(form))
    } catch (error) {
      status.replaceChildren(errorBox(error))
    }
  })
  return form
}

const input = (name: string, label: string, type = "text") =>
  h(
    "label",
    {},
    label,
    h("input", {
      name,
      type,
      required: name !== "first_name" && name !== "last_name",
      autocomplete: "on",
    })
  )

/** #/login — POST /auth/login through the session (tokens kept in localStorage). */
export function loginPage(params: URLSearchParams): void {
  render(
    authForm(
      "Sign in",
      [input("email", "Email or username"), input("password", "Password", "password")],
      async (values) => {
        const credentials = values.email.includes("@")
          ? { email: values.email, password: values.password }
          : { username: values.email, password: values.password }
        await session.login(credentials)
        flash("Signed in.")
        go(params.get("next") || "#/")
      }
    ),
    h("p", {}, "New here? ", h("a", { href: "#/signup" }, "Create an account"))
  )
}

/** #/signup — POST /auth/register, then signs in. */
export function signupPage(): void {
  render(
    authForm(
      "Create account",
      [
        input("email", "Email", "email"),
        input("username", "Username"),
        input("password", "Password (8+ characters)", "password"),
        input("first_name", "First name"),
        input("last_name", "Last name"),
      ],
      async (values) => {
        unwrap(
          await engine.POST("/auth/register", {
            body: {
              email: values.email,
              username: values.username,
              password: values.password,
              first_name: values.first_name || undefined,
              last_name: values.last_name || undefined,
            },
          })
        )
        await session.login({ email: values.email, password: values.password })
        flash("Welcome! Your account is ready (check your email to verify it).")
        go("#/")
      }
    )
  )
}

/**
 * #/account — the engine's /auth/me and, with a publishable key, Medusa's
 * /store/customers/me through @medusajs/js-sdk: one session, two APIs.
 */
export async function accountPage(): Promise<void> {
  try {
    const me = unwrap(await engine.GET("/auth/me"))
    const medusa = sdk ? (await sdk.store.customer.retrieve()).customer : undefined
    render(
      h("h1", {}, "Your account"),
      h(
        "p",
        { "data-testid": "account-email" },
        `${me.first_name ?? ""} ${me.last_name ?? ""} · ${me.email}`
      ),
      medusa
        ? h(
            "p",
            { "data-testid": "medusa-customer" },
            `Medusa customer ${medusa.id} (via sdk.store.customer.retrieve)`
          )
        : h(
            "p",
            {},
            "Start the storefront with PUBLISHABLE_KEY to also show Medusa's /store profile."
          ),
      h(
        "button",
        {
          "data-testid": "logout",
          onclick: async () => {
            await session.logout()
            flash("Signed out.")
            go("#/")
          },
        },
        "Sign out"
      )
    )
  } catch (error) {
    render(h("h1", {}, "Your account"), errorBox(error))
  }
}
