import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

// Packaging needs the Electron download, which only works on machines with internet access; the config
// itself is checked here against electron-builder's own schema so it stays valid between releases.
describe('electron-builder.yml', () => {
  it('validates against electron-builder’s schema and targets every desktop OS', async () => {
    const config = load(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    expect(config).toMatchObject({
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: 'dmg' },
      win: { target: 'nsis' },
      files: ['out/**', 'package.json'],
    })
  })

  it('flips the Electron fuses that close the packaged app to other code', async () => {
    const config = load(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })

  it('registers the chorus:// scheme the app handles', async () => {
    const config = load(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
    expect(config.protocols).toEqual([{ name: 'Chorus invite', schemes: ['chorus'] }])
  })

  it('uses an app icon large enough for every platform', async () => {
    const png = await readFile(join(root, 'build/icon.png'))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
  })

  it('starts the main process built by electron-vite', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { main: string }
    expect(pkg.main).toBe('out/main/index.js')
  })
})
