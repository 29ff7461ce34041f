import { Validations, type App } from "aws-cdk-lib"
import { AwsSolutionsChecks } from "cdk-nag"
import { EngineStack } from "./engine-stack"
import { RegistryStack } from "./registry-stack"
import { readSettings } from "./settings"

/** Both stacks with their settings from the app's context, checked by cdk-nag. */
export function buildApp(app: App): { registry: RegistryStack; engine: EngineStack } {
  const settings = readSettings(app.node)
  const env = { account: settings.account, region: settings.region }
  // The zones are given, not looked up: the VPC checks them against this context entry,
  // which the CLI would otherwise fetch with AWS credentials.
  const zonesKey = `availability-zones:account=${env.account}:region=${env.region}`
  if (app.node.tryGetContext(zonesKey) === undefined) {
    app.node.setContext(zonesKey, settings.availabilityZones)
  }
  const registry = new RegistryStack(app, "CommerceEngineRegistry", { env })
  // The engine stack finds the repository by name (no cross-stack export to pin it).
  const engine = new EngineStack(app, "CommerceEngine", { env, settings })
  engine.addStackDependency(registry)
  // Violations that are not acknowledged (lib/nag-suppressions.ts) fail the synthesis.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }))
  return { registry, engine }
}
