import type { ConfigModule } from "@medusajs/framework/types"

/**
 * medusa-config.ts evaluated afresh with `env` on top of the process environment, after
 * removing `unset` (so a developer's own .env does not leak into the assertion).
 */
export function loadConfig(env: Record<string, string>, unset: string[] = []): ConfigModule {
  const saved = { ...process.env }
  for (const name of unset) {
    delete process.env[name]
  }
  Object.assign(process.env, env)
  try {
    let config: ConfigModule | undefined
    jest.isolateModules(() => {
      config = jest.requireActual<ConfigModule>("../../../medusa-config")
    })
    return config as ConfigModule
  } finally {
    process.env = saved
  }
}
