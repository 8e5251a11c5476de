import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomically } from './atomic-write'
import { describeWriteError } from './file-errors'
import { scratchDir } from '../../tests/fixtures/scratch-dir'

describe('writeFileAtomically', () => {
  it('replaces the file with the new bytes and leaves nothing else behind', async () => {
    const dir = scratchDir('write')
    const target = join(dir, 'course.chorus')
    await writeFile(target, 'old')
    await writeFileAtomically(target, new TextEncoder().encode('new'))
    expect(await readFile(target, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['course.chorus'])
  })

  it('keeps what was there when the write fails, and cleans up its temporary file', async () => {
    const dir = scratchDir('write')
    const target = join(dir, 'occupied')
    await mkdir(target)
    await writeFile(join(target, 'inside'), 'keep me')
    await expect(writeFileAtomically(target, new Uint8Array([1]))).rejects.toThrow()
    expect(await readFile(join(target, 'inside'), 'utf8')).toBe('keep me')
    expect(await readdir(dir)).toEqual(['occupied'])
  })

  it('tells the user what to do when the disk is full', () => {
    const error = Object.assign(new Error('no space'), { code: 'ENOSPC' })
    expect(describeWriteError(error, '/tmp/x.zip')).toEqual({
      code: 'file-write-failed',
      message: 'The disk is full, so /tmp/x.zip was not saved. Free some space and save again.',
    })
  })
})
