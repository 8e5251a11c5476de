import { Inflate } from 'fflate'

/**
 * A zip reader that knows each entry's sizes before inflating anything and never inflates more than it was told
 * to expect: a `.chorus` file comes from anywhere, and a few kilobytes of deflated zeros can claim to be, or turn
 * out to be, gigabytes. fflate's own unzip allocates whatever a header declares and keeps inflating past it.
 */
export interface ZipEntry {
  readonly name: string
  /** 0 stored, 8 deflated; anything else is refused when read. */
  readonly method: number
  readonly compressedSize: number
  /** The uncompressed size the central directory declares: a claim, checked while inflating. */
  readonly size: number
  /** Where the entry's data starts in the archive. */
  readonly dataOffset: number
}

/**
 * Why an archive or entry cannot be read; the caller turns it into a message for the user. `overflow`: an entry
 * inflated past the size it declared, the mark of a zip bomb rather than of damage.
 */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly overflow = false,
  ) {
    super(message)
  }
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const EOCD_SIZE = 22
const MAX_COMMENT = 0xffff
/** Compressed bytes inflated per step: a step can produce at most ~1032× this, the deflate ratio's ceiling. */
const INFLATE_STEP = 8 * 1024

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

const findEndOfDirectory = (bytes: Uint8Array, data: DataView): number => {
  const last = bytes.length - EOCD_SIZE
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--)
    if (data.getUint32(at, true) === EOCD) return at
  throw new ZipError('no end of central directory')
}

/** The archive's entries from its central directory, in order; throws ZipError for anything malformed. */
export const readZipEntries = (bytes: Uint8Array): ZipEntry[] => {
  const data = view(bytes)
  const end = findEndOfDirectory(bytes, data)
  const count = data.getUint16(end + 10, true)
  let at = data.getUint32(end + 16, true)
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('zip64 archives are not supported')
  const names = new Set<string>()
  const entries: ZipEntry[] = []
  const decoder = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || data.getUint32(at, true) !== CENTRAL) throw new ZipError('bad central directory')
    const flags = data.getUint16(at + 8, true)
    const nameLength = data.getUint16(at + 28, true)
    const next = at + 46 + nameLength + data.getUint16(at + 30, true) + data.getUint16(at + 32, true)
    if (next > end) throw new ZipError('bad central directory')
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    if (flags & 1) throw new ZipError(`${name} is encrypted`)
    if (names.has(name)) throw new ZipError(`${name} appears twice`)
    names.add(name)
    const local = data.getUint32(at + 42, true)
    if (local + 30 > bytes.length || data.getUint32(local, true) !== LOCAL)
      throw new ZipError(`${name} has no local header`)
    const dataOffset = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true)
    const compressedSize = data.getUint32(at + 20, true)
    if (dataOffset + compressedSize > bytes.length) throw new ZipError(`${name} runs past the end`)
    entries.push({
      name,
      method: data.getUint16(at + 10, true),
      compressedSize,
      size: data.getUint32(at + 24, true),
      dataOffset,
    })
    at = next
  }
  return entries
}

/**
 * An entry's bytes, exactly `entry.size` of them: inflating stops as soon as the output passes the declared
 * size, so a lying header costs at most one step's output. The caller checks `entry.size` against its caps
 * before calling. Throws ZipError for an entry that inflates to more or less than it declares.
 */
export const readZipEntry = (bytes: Uint8Array, entry: ZipEntry): Uint8Array => {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new ZipError(`${entry.name} is not the size it declares`)
    // A copy: a view would keep the whole archive alive, and IndexedDB would store all of it with each blob.
    return new Uint8Array(data)
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses unknown compression ${entry.method}`)
  const out = new Uint8Array(entry.size)
  let filled = 0
  let overflow = false
  const inflater = new Inflate((chunk) => {
    if (overflow || filled + chunk.length > out.length) return void (overflow = true)
    out.set(chunk, filled)
    filled += chunk.length
  })
  try {
    for (let at = 0; at < data.length && !overflow; at += INFLATE_STEP)
      inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length)
  } catch {
    throw new ZipError(`${entry.name} is not valid deflate data`)
  }
  if (overflow)
    throw new ZipError(`${entry.name} inflates to more than the ${entry.size} bytes it declares`, true)
  if (filled !== entry.size) throw new ZipError(`${entry.name} is not the size it declares`)
  return out
}
