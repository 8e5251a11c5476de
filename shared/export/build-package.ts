import { err, ok, type Result } from '../errors'
import { planCourse } from './course-plan'
import { SCORM12_SCHEMA_FILES, scorm12Manifest } from './manifest-scorm12'
import { SCORM2004_SCHEMA_FILES, scorm2004Manifest } from './manifest-scorm2004'
import type { ManifestInput } from './manifest-parts'
import { mediaPath } from './media-files'
import { playerScript, playerStyles } from './player'
import { PLAYER_SCRIPT_FILE, PLAYER_STYLES_FILE, renderPlayerDocument } from './render-document'
import { SCORM12_SCHEMAS, SCORM2004_SCHEMAS } from './schemas/bundled'
import type { BuiltPackage, ExportFormat, ExportInput, PackageFiles, ProgressListener } from './types'

export const LAUNCH_FILE = 'index.html'
export const MANIFEST_FILE = 'imsmanifest.xml'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

const schemaFiles = (format: 'scorm12' | 'scorm2004'): Result<[string, string][]> => {
  const names = format === 'scorm12' ? SCORM12_SCHEMA_FILES : SCORM2004_SCHEMA_FILES
  const bundle = format === 'scorm12' ? SCORM12_SCHEMAS : SCORM2004_SCHEMAS
  const files: [string, string][] = []
  for (const name of names) {
    const text = bundle[name]
    if (text === undefined)
      return err('export-failed', `The schema file ${name} is missing from this build of Chorus.`)
    files.push([name, text])
  }
  return ok(files)
}

/**
 * Turns a course into the files of a package: for SCORM, imsmanifest.xml and its schema files at the root
 * beside the one SCO; for the web, the same player pages alone. Paths are '/'-separated, in zip order.
 */
export const buildPackage = async (
  input: ExportInput,
  format: ExportFormat,
  onProgress?: ProgressListener,
): Promise<Result<BuiltPackage>> => {
  const planned = await planCourse(input, (hash, blob) => mediaPath(hash, blob.mime), onProgress)
  if (!planned.ok) return planned
  const plan = planned.value

  const content = new Map<string, Uint8Array>([
    [
      LAUNCH_FILE,
      utf8(
        renderPlayerDocument(plan, {
          runtime: format === 'web' ? 'standalone' : format,
          assets: 'files',
          publishNumber: input.publishNumber,
        }),
      ),
    ],
    [PLAYER_SCRIPT_FILE, utf8(playerScript)],
    [PLAYER_STYLES_FILE, utf8(playerStyles)],
  ])
  for (const [i, hash] of plan.usedMedia.entries()) {
    const blob = plan.media.get(hash)
    if (blob) content.set(mediaPath(hash, blob.mime), blob.bytes)
    await onProgress?.({ phase: 'media', done: i + 1, total: plan.usedMedia.length })
  }

  const files: PackageFiles = new Map()
  if (format !== 'web') {
    const manifest: ManifestInput = {
      courseId: plan.course.meta.id,
      title: plan.course.meta.title,
      passingScore: plan.questions.length > 0 ? plan.course.meta.settings.passingScore : null,
      launch: LAUNCH_FILE,
      files: [...content.keys()],
      publishNumber: input.publishNumber ?? null,
    }
    const schemas = schemaFiles(format)
    if (!schemas.ok) return schemas
    files.set(
      MANIFEST_FILE,
      utf8(format === 'scorm12' ? scorm12Manifest(manifest) : scorm2004Manifest(manifest)),
    )
    for (const [name, text] of schemas.value) files.set(name, utf8(text))
  }
  for (const [path, bytes] of content) files.set(path, bytes)
  return ok({ files, missingMedia: plan.missingMedia })
}
