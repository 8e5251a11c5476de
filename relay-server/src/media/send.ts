import type { ServerResponse } from 'node:http'
import type { StoredMedia } from './media-store'
import { CHUNK_BYTES } from './media-store'

/** Resolves when the response can take more, or false once it is gone (the client hung up). */
const drained = (response: ServerResponse): Promise<boolean> =>
  new Promise((resolve) => {
    const onDrain = (): void => (response.off('close', onClose), resolve(true))
    const onClose = (): void => (response.off('drain', onDrain), resolve(false))
    response.once('drain', onDrain)
    response.once('close', onClose)
  })

/**
 * Writes a stored blob chunk by chunk, waiting whenever the client reads slower than the store: a slow download
 * holds one chunk in memory, never the whole file. Throws if a chunk cannot be read (the caller logs it).
 */
export const sendMedia = async (response: ServerResponse, media: StoredMedia): Promise<void> => {
  const chunks = Math.ceil(media.size / CHUNK_BYTES)
  for (let seq = 0; seq < chunks; seq++) {
    if (response.destroyed) return
    const chunk = await media.chunk(seq)
    if (response.destroyed) return
    if (!response.write(chunk) && !(await drained(response))) return
  }
  response.end()
}
