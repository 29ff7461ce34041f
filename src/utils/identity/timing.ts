import Scrypt from "scrypt-kdf"
import { inPasswordHashingLane } from "./password-hashing"

// The parameters of Medusa's emailpass provider (its default hashConfig).
const PARAMS = { logN: 15, r: 8, p: 1 }

let dummyHash: Promise<Uint8Array> | undefined

/**
 * Spends the time of one password check on a made-up hash. Medusa's emailpass provider
 * answers at once for an unknown email but runs scrypt for a known one, so without this
 * the response time would tell which emails have accounts.
 */
export async function spendPasswordCheckTime(password: string): Promise<void> {
  // A refused or failed first hash is not kept: the next check makes it again.
  dummyHash ??= inPasswordHashingLane(() => Scrypt.kdf("not-a-real-password", PARAMS)).catch(
    (error: unknown) => {
      dummyHash = undefined
      throw error
    }
  )
  const hash = await dummyHash
  await inPasswordHashingLane(() => Scrypt.verify(hash, password))
}
