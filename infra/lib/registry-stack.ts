import { RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib"
import * as ecr from "aws-cdk-lib/aws-ecr"
import { Construct } from "constructs"

export const REPOSITORY_NAME = "commerce-engine"

/**
 * The image repository, in a stack of its own: CI pushes the image here before the
 * engine stack that runs it is deployed (docs/DEPLOY-AWS.md).
 */
export class RegistryStack extends Stack {
  readonly repository: ecr.Repository

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props)
    this.repository = new ecr.Repository(this, "Engine", {
      repositoryName: REPOSITORY_NAME,
      imageScanOnPush: true,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      lifecycleRules: [{ description: "keep the last 50 images", maxImageCount: 50 }],
      removalPolicy: RemovalPolicy.RETAIN,
    })
  }
}
