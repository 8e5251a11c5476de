import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCORM12_SCHEMA_FILES } from '../../shared/export/manifest-scorm12'
import { SCORM2004_SCHEMA_FILES } from '../../shared/export/manifest-scorm2004'
import { BUNDLE_PATH, renderBundle } from '../../build/bundle-schemas'
import { SCHEMAS } from './export-package-support'

describe('the schema files packages carry', () => {
  it('bundled.ts holds exactly the .xsd files beside it (else run build/bundle-schemas.ts)', async () => {
    expect(await readFile(BUNDLE_PATH, 'utf8')).toBe(await renderBundle())
  })

  it('the in-repo copies are the ones packages need, and nothing else', async () => {
    expect((await readdir(join(SCHEMAS, 'scorm12'))).sort()).toEqual([...SCORM12_SCHEMA_FILES].sort())
    expect((await readdir(join(SCHEMAS, 'scorm2004'))).sort()).toEqual([...SCORM2004_SCHEMA_FILES].sort())
    expect(await readFile(join(SCHEMAS, 'SOURCES.md'), 'utf8')).toContain('adlnet/SCORM-2004-4ed-Test-Suite')
  })
})
