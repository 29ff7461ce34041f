/**
 * The CDK app: `cd infra && npx cdk synth` (offline, placeholder account and certificate)
 * or `npx cdk deploy --all -c imageTag=<tag> -c certificateArn=<arn> ...`
 * (docs/DEPLOY-AWS.md). cdk-nag's AWS Solutions rules run on every synthesis.
 */
import { App } from "aws-cdk-lib"
import { buildApp } from "../lib/build-app"

const app = new App()
buildApp(app)
app.synth()
