import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { oauthProviderOf } from "../oauth"

function requestFor(provider: string, registered: string[] | undefined): MedusaRequest {
  const config = {
    modules: {
      [Modules.AUTH]: registered
        ? { options: { providers: registered.map((id) => ({ id, resolve: `x/${id}` })) } }
        : true,
    },
  }
  // Only params and scope are read: the rest of an Express request is not stubbed.
  return {
    params: { provider },
    scope: {
      resolve: (key: string) => {
        expect(key).toBe(ContainerRegistrationKeys.CONFIG_MODULE)
        return config
      },
    },
  } as unknown as MedusaRequest
}

function statusOf(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    return (error as MedusaError).type
  }
}

describe("oauthProviderOf", () => {
  it("accepts Google and GitHub when they are registered in the auth module", () => {
    const registered = ["emailpass", "google", "github"]
    expect(oauthProviderOf(requestFor("google", registered))).toBe("google")
    expect(oauthProviderOf(requestFor("github", registered))).toBe("github")
  })

  it("is a 404 for providers that are unknown, not OAuth, or not configured", () => {
    const cases: [string, string[] | undefined][] = [
      ["facebook", ["emailpass", "google", "github"]],
      ["emailpass", ["emailpass", "google"]],
      ["github", ["emailpass", "google"]],
      ["google", undefined],
    ]
    for (const [provider, registered] of cases) {
      expect({
        provider,
        type: statusOf(() => oauthProviderOf(requestFor(provider, registered))),
      }).toEqual({ provider, type: MedusaError.Types.NOT_FOUND })
    }
  })
})
