import type { ConfigModule } from "@medusajs/framework/types"
import { loadConfig as loadEnvConfig } from "./load-config"

type ProviderConfig = { resolve: string; id: string; options: Record<string, unknown> }

const S3_VARIABLES = [
  "S3_BUCKET",
  "S3_REGION",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_ENDPOINT",
  "S3_FILE_URL",
  "S3_ACL",
  "MEDUSA_BACKEND_URL",
]

function loadConfig(env: Record<string, string>): ConfigModule {
  return loadEnvConfig(env, S3_VARIABLES)
}

function fileProviders(config: ConfigModule): ProviderConfig[] {
  const file = config.modules?.file as { resolve: string; options: { providers: ProviderConfig[] } }
  expect(file.resolve).toBe("@medusajs/medusa/file")
  return file.options.providers
}

describe("file module configuration", () => {
  it("uses the local provider serving /static at MEDUSA_BACKEND_URL by default", () => {
    const [provider] = fileProviders(loadConfig({ MEDUSA_BACKEND_URL: "https://shop.test/" }))
    expect(provider).toMatchObject({
      resolve: "@medusajs/medusa/file-local",
      id: "local",
      options: { backend_url: "https://shop.test/static" },
    })
  })

  it("uses S3 with access keys when S3_BUCKET is set", () => {
    const providers = fileProviders(
      loadConfig({
        S3_BUCKET: "images",
        S3_REGION: "eu-west-1",
        S3_ACCESS_KEY_ID: "AKIDEXAMPLE",
        S3_SECRET_ACCESS_KEY: "secret",
        S3_FILE_URL: "https://cdn.shop.test/",
      })
    )
    expect(providers).toHaveLength(1)
    expect(providers[0]).toMatchObject({
      resolve: "@medusajs/medusa/file-s3",
      id: "s3",
      options: {
        bucket: "images",
        region: "eu-west-1",
        access_key_id: "AKIDEXAMPLE",
        secret_access_key: "secret",
        file_url: "https://cdn.shop.test",
      },
    })
  })

  it("supports S3-compatible endpoints and IAM roles", () => {
    const [minio] = fileProviders(
      loadConfig({
        S3_BUCKET: "images",
        S3_REGION: "us-east-1",
        S3_ACCESS_KEY_ID: "minio",
        S3_SECRET_ACCESS_KEY: "minio-secret",
        S3_ENDPOINT: "http://127.0.0.1:9100",
      })
    )
    expect(minio.options).toMatchObject({
      endpoint: "http://127.0.0.1:9100",
      file_url: "http://127.0.0.1:9100/images",
      additional_client_config: { forcePathStyle: true },
    })
    const [role] = fileProviders(loadConfig({ S3_BUCKET: "images", S3_REGION: "eu-west-1" }))
    expect(role.options).toMatchObject({
      authentication_method: "s3-iam-role",
      file_url: "https://images.s3.eu-west-1.amazonaws.com",
    })
    expect(role.options.acl).toBeUndefined()
  })

  it("sends no ACL with S3_ACL=false (a bucket with ACLs disabled, as infra/ creates)", () => {
    const [noAcl] = fileProviders(
      loadConfig({ S3_BUCKET: "images", S3_REGION: "eu-west-1", S3_ACL: "false" })
    )
    expect(noAcl.options.acl).toBe(false)
    const [privateAcl] = fileProviders(
      loadConfig({ S3_BUCKET: "images", S3_REGION: "eu-west-1", S3_ACL: "private" })
    )
    expect(privateAcl.options.acl).toBe("private")
  })

  it("refuses an incomplete S3 configuration", () => {
    expect(() => loadConfig({ S3_BUCKET: "images" })).toThrow("S3_REGION")
    expect(() =>
      loadConfig({ S3_BUCKET: "images", S3_REGION: "eu-west-1", S3_ACCESS_KEY_ID: "only-id" })
    ).toThrow("S3_SECRET_ACCESS_KEY")
  })
})
