import { detectImageType } from "../image-type"

const bytes = (...values: number[]) => Uint8Array.from(values)
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"))

describe("detectImageType", () => {
  it("recognises JPEG, PNG, WebP and GIF from their magic numbers", () => {
    expect(detectImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))?.mime).toBe("image/jpeg")
    expect(detectImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))?.mime).toBe(
      "image/png"
    )
    expect(detectImageType(ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "))?.extension).toBe("webp")
    expect(detectImageType(ascii("GIF87a\u0001\u0000"))?.extension).toBe("gif")
    expect(detectImageType(ascii("GIF89a\u0001\u0000"))?.extension).toBe("gif")
  })

  it("refuses anything else, including truncated or near-miss signatures", () => {
    for (const sample of [
      bytes(),
      bytes(0xff, 0xd8),
      bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a),
      ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "),
      ascii("GIF88a"),
      ascii("<html><script>alert(1)</script></html>"),
      ascii("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      ascii("%PDF-1.7"),
    ]) {
      expect(detectImageType(sample)).toBeUndefined()
    }
  })
})
