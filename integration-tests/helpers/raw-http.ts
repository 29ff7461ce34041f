import http from "node:http"

export type RawResponse = {
  status: number
  headers: http.IncomingHttpHeaders
  /** The bytes as sent: still compressed when the server compressed them. */
  body: Buffer
}

/**
 * A GET through node:http, which sends no Accept-Encoding and decodes nothing unless
 * told: what a client asked for and what the server sent stay visible (axios adds
 * `Accept-Encoding` and decompresses on its own).
 */
export function rawGet(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {}
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, baseUrl), { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on("data", (chunk: Buffer) => chunks.push(chunk))
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        })
      )
      response.on("error", reject)
    })
    request.on("error", reject)
  })
}

/**
 * Opens a streaming GET and resolves with its head and the text received so far once
 * `until` holds for that text; the connection is then closed. Rejects after `timeoutMs`.
 */
export function rawStreamUntil(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  until: (text: string) => boolean,
  timeoutMs: number,
  onOpen: () => unknown = () => undefined
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    let text = ""
    const request = http.get(new URL(path, baseUrl), { headers }, (response) => {
      const timer = setTimeout(() => {
        request.destroy()
        reject(new Error(`stream ${path}: condition not met within ${timeoutMs} ms; got ${text}`))
      }, timeoutMs)
      let opened = false
      response.on("data", (chunk: Buffer) => {
        text += chunk.toString("utf8")
        if (!opened) {
          opened = true
          Promise.resolve(onOpen()).catch(reject)
        }
        if (until(text)) {
          clearTimeout(timer)
          request.destroy()
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text })
        }
      })
      // A refused stream (an error answer) ends: its text is the answer.
      response.on("end", () => {
        clearTimeout(timer)
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text })
      })
    })
    request.on("error", (error) => {
      if (!text) {
        reject(error)
      }
    })
  })
}
