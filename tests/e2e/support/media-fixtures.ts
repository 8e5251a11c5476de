/** Small but real media files for e2e tests, made here so no binary fixture sits in the repository. */
import { createHash } from 'node:crypto'
import { makePng } from '../../fixtures/png'

/** A `size`×`size` PNG filled with one RGB colour. */
export const solidPng = (size: number, colour: readonly [number, number, number]): Buffer =>
  Buffer.from(makePng(size, size, () => colour))

/** A short 8 kHz mono 16-bit WAV tone. */
export const toneWav = (seconds: number): Buffer => {
  const rate = 8000
  const samples = Math.round(rate * seconds)
  const data = Buffer.alloc(samples * 2)
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2)
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVEfmt ', 8, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(rate, 24)
  header.writeUInt32LE(rate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
