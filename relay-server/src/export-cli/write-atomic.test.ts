import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from './write-atomic'
import { scratchDir } from '../../../tests/fixtures/scratch-dir'

describe('writeFileAtomic', () => {
  it('replaces the file whole', async () => {
    const dir = scratchDir('atomic')
    const path = join(dir, 'course.zip')
    await writeFile(path, 'old')
    await writeFileAtomic(path, new TextEncoder().encode('new'))
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['course.zip'])
  })

  it('leaves what was there, and no temporary file, when the final step fails', async () => {
    const dir = scratchDir('atomic')
    // Renaming a file over a non-empty directory fails after the temp file is fully written.
    await mkdir(join(dir, 'course.zip'))
    await writeFile(join(dir, 'course.zip', 'keep.txt'), 'kept')
    await expect(writeFileAtomic(join(dir, 'course.zip'), new Uint8Array([1, 2, 3]))).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['course.zip'])
    expect(await readFile(join(dir, 'course.zip', 'keep.txt'), 'utf8')).toBe('kept')
  })
})
