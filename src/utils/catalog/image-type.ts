/** An image format the catalog accepts, recognised from the file's first bytes. */
export type ImageType = { mime: string; extension: string }

export const JPEG: ImageType = { mime: "image/jpeg", extension: "jpg" }
export const PNG: ImageType = { mime: "image/png", extension: "png" }
export const WEBP: ImageType = { mime: "image/webp", extension: "webp" }
export const GIF: ImageType = { mime: "image/gif", extension: "gif" }

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff]

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) {
    return false
  }
  return signature.every((byte, index) => bytes[offset + index] === byte)
}

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0))
}

/**
 * The image type of a file from its magic numbers (never from its name or the client's
 * content type): JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`, WebP `RIFF….WEBP`, GIF
 * `GIF87a`/`GIF89a`. Anything else is undefined.
 */
export function detectImageType(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, JPEG_SIGNATURE)) {
    return JPEG
  }
  if (startsWith(bytes, PNG_SIGNATURE)) {
    return PNG
  }
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) {
    return WEBP
  }
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) {
    return GIF
  }
  return undefined
}

export const ACCEPTED_IMAGE_TYPES = [JPEG, PNG, WEBP, GIF].map((type) => type.mime)
