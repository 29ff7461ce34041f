// The part of multer (a dependency of @medusajs/medusa, used for /admin/uploads) that the
// engine uses; the package ships no types and @types/multer is not installed.
declare module "multer" {
  import type { IncomingMessage, ServerResponse } from "node:http"

  namespace multer {
    type File = {
      fieldname: string
      /** Client-supplied: never used as a storage path. */
      originalname: string
      encoding: string
      mimetype: string
      size: number
      buffer: Buffer
    }
    type Limits = {
      fieldNameSize?: number
      fieldSize?: number
      fields?: number
      fileSize?: number
      files?: number
      parts?: number
      headerPairs?: number
    }
    type StorageEngine = object
    type Options = { storage?: StorageEngine; limits?: Limits }
    type Middleware = (
      req: IncomingMessage,
      res: ServerResponse,
      next: (error?: unknown) => void
    ) => void
    type Instance = {
      array(fieldName: string, maxCount?: number): Middleware
      single(fieldName: string): Middleware
    }
    class MulterError extends Error {
      code: string
      field?: string
    }
  }

  function multer(options?: multer.Options): multer.Instance
  namespace multer {
    function memoryStorage(): StorageEngine
  }

  export = multer
}
