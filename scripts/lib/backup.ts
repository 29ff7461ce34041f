import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { ConfigError } from "./config-error"

/** What a backup directory holds (manifest.json), written last: its presence means complete. */
export type BackupManifest = {
  format: 1
  created_at: string
  database: string
  /** database.dump: pg_dump's custom format (pg_restore reads it, in parallel if asked). */
  dump: string
  /** files.tar.gz of the local file provider's directory, when files are stored locally. */
  files: string | null
}

export const MANIFEST = "manifest.json"
export const DUMP_FILE = "database.dump"
export const FILES_ARCHIVE = "files.tar.gz"

/**
 * libpq (pg_dump, pg_restore) knows sslmode disable…verify-full, not node-postgres'
 * `no-verify` (what DATABASE_* parts produce on AWS): TLS without checking the server is
 * libpq's `require`.
 */
export function libpqUrl(url: string): string {
  const parsed = new URL(url)
  if (parsed.searchParams.get("sslmode") === "no-verify") {
    parsed.searchParams.set("sslmode", "require")
  }
  return parsed.toString()
}

/**
 * Where the local file provider keeps uploads (Medusa's default `static/` under the
 * working directory), or null when files go to S3 (S3_BUCKET set; back the bucket up
 * with versioning or replication instead).
 */
export function localFilesDir(env: NodeJS.ProcessEnv, cwd: string): string | null {
  return env.S3_BUCKET ? null : path.resolve(cwd, env.FILES_DIR || "static")
}

/** Runs a program to completion; its stderr is kept for the error message. */
export function run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"], env })
    let stderr = ""
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
      process.stderr.write(chunk)
    })
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new ConfigError(`${command} is not installed (PostgreSQL client tools are needed)`)
          : error
      )
    )
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new ConfigError(`${command} failed (exit ${code}): ${stderr.trim().slice(-500)}`))
    )
  })
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST)
  if (!fs.existsSync(file)) {
    throw new ConfigError(`${dir} is not a complete backup (no ${MANIFEST})`)
  }
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest
  if (manifest.format !== 1 || !fs.existsSync(path.join(dir, manifest.dump))) {
    throw new ConfigError(`${dir}: unknown backup format or missing ${manifest.dump}`)
  }
  return manifest
}
