import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { deleteProductsWorkflow } from "@medusajs/medusa/core-flows"
import {
  createAdminUser,
  createProduct,
  createStoreContext,
  registerAndLogin,
  type AdminSession,
  type EngineUser,
  type StoreContext,
} from "../helpers"

// Read per request; small so the size limit is cheap to exceed.
const MAX_BYTES = 4096
process.env.PRODUCT_IMAGE_MAX_BYTES = String(MAX_BYTES)
process.env.RATE_LIMIT_AUTH_POINTS = "100"
process.env.RATE_LIMIT_AUTH_IP_POINTS = "1000"

const anyStatus = { validateStatus: () => true }

// Real 1×1 images.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64"
)
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64")
const WEBP = Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64")
const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64"
)
const EVIL = Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>")

type Upload = { content: Buffer; name: string; type: string; field?: string }

function form(...files: Upload[]): FormData {
  const body = new FormData()
  for (const file of files) {
    body.append(
      file.field ?? "file",
      new Blob([new Uint8Array(file.content)], { type: file.type }),
      file.name
    )
  }
  return body
}

/** Where the local file provider stores a product's uploads. */
function storedFiles(productId: string): string[] {
  const dir = path.join(process.cwd(), "static", "products", productId)
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let customer: EngineUser
    let store: StoreContext
    const productIds: string[] = []

    beforeEach(async () => {
      admin = await createAdminUser(getContainer(), api)
      customer = await registerAndLogin(api)
      store = await createStoreContext(getContainer())
    })

    afterAll(() => {
      for (const id of productIds) {
        fs.rmSync(path.join(process.cwd(), "static", "products", id), {
          recursive: true,
          force: true,
        })
      }
    })

    async function newProduct(): Promise<string> {
      const { product } = await createProduct(getContainer(), store)
      productIds.push(product.id)
      return product.id
    }

    const upload = (productId: string, body: FormData, headers = admin.headers) =>
      api.post(`/products/${productId}/images`, body, { headers, ...anyStatus })

    async function productImages(productId: string) {
      const product = await getContainer()
        .resolve(Modules.PRODUCT)
        .retrieveProduct(productId, { relations: ["images"] })
      return {
        thumbnail: product.thumbnail,
        images: [...(product.images ?? [])]
          .sort((a, b) => a.rank - b.rank)
          .map((image) => ({ id: image.id, url: image.url })),
      }
    }

    describe("POST /products/{id}/images", () => {
      it("stores an image under a generated name, attaches it and serves its bytes", async () => {
        const productId = await newProduct()
        const response = await upload(
          productId,
          form({ content: PNG, name: "../../etc/passwd.png", type: "image/png" })
        )
        expect(response.status).toBe(201)
        expect(response.data.images).toHaveLength(1)
        const [image] = response.data.images
        expect(image).toEqual({ id: expect.stringMatching(/^img_/), url: expect.any(String) })
        const url = new URL(image.url)
        expect(url.pathname).toMatch(
          new RegExp(`^/static/products/${productId}/\\d+-[0-9a-f-]{36}\\.png$`)
        )
        expect(image.url).not.toContain("passwd")

        expect(await productImages(productId)).toEqual({ thumbnail: image.url, images: [image] })
        expect(storedFiles(productId)).toHaveLength(1)

        const served = await api.get(url.pathname, { responseType: "arraybuffer" })
        expect(served.status).toBe(200)
        expect(served.headers["content-type"]).toContain("image/png")
        expect(Buffer.from(served.data).equals(PNG)).toBe(true)
      })

      it("takes several images at once and keeps the existing ones by id", async () => {
        const productId = await newProduct()
        const first = await upload(
          productId,
          form({ content: PNG, name: "a.png", type: "image/png" })
        )
        const [kept] = first.data.images

        // Types come from the bytes: the declared types and names here are wrong on purpose.
        const response = await upload(
          productId,
          form(
            { content: JPEG, name: "photo.png", type: "image/png" },
            { content: WEBP, name: "photo", type: "application/octet-stream" },
            { content: GIF, name: "anim.jpg", type: "image/jpeg" }
          )
        )
        expect(response.status).toBe(201)
        const images: { id: string; url: string }[] = response.data.images
        expect(images).toHaveLength(4)
        expect(images[0]).toEqual(kept)
        expect(images.slice(1).map((image) => path.extname(image.url))).toEqual([
          ".jpg",
          ".webp",
          ".gif",
        ])
        expect((await productImages(productId)).images).toEqual(images)
        expect((await productImages(productId)).thumbnail).toBe(kept.url)

        for (const [image, bytes, type] of [
          [images[1], JPEG, "image/jpeg"],
          [images[2], WEBP, "image/webp"],
          [images[3], GIF, "image/gif"],
        ] as const) {
          const served = await api.get(new URL(image.url).pathname, {
            responseType: "arraybuffer",
          })
          expect(served.headers["content-type"]).toContain(type)
          expect(Buffer.from(served.data).equals(bytes)).toBe(true)
        }
      })

      it("refuses a renamed non-image (415) and stores nothing, even beside a real image", async () => {
        const productId = await newProduct()
        await upload(productId, form({ content: PNG, name: "a.png", type: "image/png" }))
        const before = await productImages(productId)
        const filesBefore = storedFiles(productId)

        const evil = await upload(
          productId,
          form({ content: EVIL, name: "evil.png", type: "image/png" })
        )
        expect(evil.status).toBe(415)
        expect(evil.data).toMatchObject({ type: "unsupported_media_type" })

        const mixed = await upload(
          productId,
          form(
            { content: GIF, name: "ok.gif", type: "image/gif" },
            { content: EVIL, name: "evil.png", type: "image/png" }
          )
        )
        expect(mixed.status).toBe(415)

        expect(await productImages(productId)).toEqual(before)
        expect(storedFiles(productId)).toEqual(filesBefore)
      })

      it("refuses an image over PRODUCT_IMAGE_MAX_BYTES (413) and stores nothing", async () => {
        const productId = await newProduct()
        const big = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES)])
        const response = await upload(
          productId,
          form({ content: big, name: "big.png", type: "image/png" })
        )
        expect(response.status).toBe(413)
        expect(response.data).toMatchObject({ type: "payload_too_large" })

        const exact = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES - PNG.length)])
        const atLimit = await upload(
          productId,
          form({ content: exact, name: "exact.png", type: "image/png" })
        )
        expect(atLimit.status).toBe(201)
        expect(storedFiles(productId)).toHaveLength(1)
      })

      it("is 400 without a file or with another field, 415 for a JSON body", async () => {
        const productId = await newProduct()
        const empty = new FormData()
        expect((await upload(productId, empty)).status).toBe(400)
        const otherField = await upload(
          productId,
          form({ content: PNG, name: "a.png", type: "image/png", field: "image" })
        )
        expect(otherField.status).toBe(400)
        const json = await api.post(
          `/products/${productId}/images`,
          { url: "http://169.254.169.254/latest/meta-data" },
          { headers: admin.headers, ...anyStatus }
        )
        expect(json.status).toBe(415)
        expect((await productImages(productId)).images).toEqual([])
        expect(storedFiles(productId)).toEqual([])
      })

      it("is 401 without a token, 403 for a customer, 404 for unknown or deleted products", async () => {
        const productId = await newProduct()
        const png = () => form({ content: PNG, name: "a.png", type: "image/png" })
        const anonymous = await api.post(`/products/${productId}/images`, png(), anyStatus)
        expect(anonymous.status).toBe(401)
        expect((await upload(productId, png(), customer.headers)).status).toBe(403)
        expect((await upload("prod_doesnotexist", png())).status).toBe(404)

        await deleteProductsWorkflow(getContainer()).run({ input: { ids: [productId] } })
        const deleted = await upload(productId, png())
        expect(deleted.status).toBe(404)
        expect(storedFiles(productId)).toEqual([])
      })
    })

    describe("DELETE /products/{id}/images/{image_id}", () => {
      it("removes one image and its file, and moves the thumbnail", async () => {
        const productId = await newProduct()
        const { data } = await upload(
          productId,
          form(
            { content: PNG, name: "a.png", type: "image/png" },
            { content: GIF, name: "b.gif", type: "image/gif" }
          )
        )
        const [first, second] = data.images
        expect(storedFiles(productId)).toHaveLength(2)

        const removed = await api.delete(`/products/${productId}/images/${first.id}`, {
          headers: admin.headers,
        })
        expect(removed.status).toBe(204)
        expect(await productImages(productId)).toEqual({ thumbnail: second.url, images: [second] })
        expect(storedFiles(productId)).toEqual([path.basename(second.url)])
        const gone = await api.get(new URL(first.url).pathname, anyStatus)
        expect(gone.status).toBe(404)

        const again = await api.delete(`/products/${productId}/images/${first.id}`, {
          headers: admin.headers,
          ...anyStatus,
        })
        expect(again.status).toBe(404)
      })

      it("is 404 for another product's image or an unknown product, 401/403 for others", async () => {
        const productId = await newProduct()
        const otherId = await newProduct()
        const { data } = await upload(
          otherId,
          form({ content: PNG, name: "a.png", type: "image/png" })
        )
        const imageId = data.images[0].id
        const del = (product: string, headers?: { authorization: string }) =>
          api.delete(`/products/${product}/images/${imageId}`, { headers, ...anyStatus })

        expect((await del(productId, admin.headers)).status).toBe(404)
        expect((await del("prod_doesnotexist", admin.headers)).status).toBe(404)
        expect((await del(otherId)).status).toBe(401)
        expect((await del(otherId, customer.headers)).status).toBe(403)
        expect((await productImages(otherId)).images).toEqual(data.images)
      })
    })
  },
})
