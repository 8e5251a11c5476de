/** Shared by the export integration tests: exporting the shipped sample, unzipping, and xmllint with in-repo schemas. */
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { unzipSync } from 'fflate'
import { decodeCourseFile } from '../../shared/course-file/decode'
import { exportCourse } from '../../shared/export/export-course'
import { exportInputFromDoc } from '../../shared/export/from-doc'
import type { ExportFormat, ExportInput } from '../../shared/export/types'
import { scratchDir } from '../fixtures/scratch-dir'

export const repo = join(import.meta.dirname, '../..')
export const SAMPLE_FILE = join(repo, 'renderer/public/samples/ledgerly-onboarding.chorus')
export const SCHEMAS = join(repo, 'shared/export/schemas')

const run = promisify(execFile)

export const sampleInput = async (): Promise<ExportInput> => {
  const decoded = await decodeCourseFile(await readFile(SAMPLE_FILE))
  if (!decoded.ok) throw new Error(decoded.error.message)
  return exportInputFromDoc(decoded.value.doc, decoded.value.media)
}

export const exportZip = async (input: ExportInput, format: ExportFormat): Promise<Uint8Array> => {
  const exported = await exportCourse(input, format)
  if (!exported.ok) throw new Error(exported.error.message)
  return exported.value.zip
}

/** Unzips into a fresh temp dir and returns it. */
export const unzipToTemp = async (zip: Uint8Array): Promise<string> => {
  const dir = scratchDir('export')
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), bytes)
  }
  return dir
}

const NAMESPACES = {
  scorm12: [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'scorm12/imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'scorm12/adlcp_rootv1p2.xsd'],
  ],
  scorm2004: [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'scorm2004/imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'scorm2004/adlcp_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'scorm2004/imsss_v1p0.xsd'],
  ],
} as const

/**
 * Validates a manifest with xmllint against the in-repo schemas, offline. A driver schema imports each namespace's
 * schema (so extension elements are checked strictly, not skipped as unknown), and an XML catalog maps ADL's
 * w3.org import of xml.xsd to the local copy. Resolves to xmllint's exit code and output.
 */
export const validateManifest = async (
  manifestPath: string,
  version: keyof typeof NAMESPACES,
): Promise<{ code: number; output: string }> => {
  const dir = scratchDir('xsd')
  const imports = NAMESPACES[version]
    .map(([ns, file]) => `<xs:import namespace="${ns}" schemaLocation="${join(SCHEMAS, file)}"/>`)
    .join('\n')
  await writeFile(
    join(dir, 'driver.xsd'),
    `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports}\n</xs:schema>\n`,
  )
  const xmlXsd = `file://${join(SCHEMAS, 'scorm2004/xml.xsd')}`
  await writeFile(
    join(dir, 'catalog.xml'),
    `<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <uri name="http://www.w3.org/2001/xml.xsd" uri="${xmlXsd}"/>
  <system systemId="http://www.w3.org/2001/xml.xsd" uri="${xmlXsd}"/>
</catalog>
`,
  )
  try {
    const { stdout, stderr } = await run(
      'xmllint',
      ['--noout', '--nonet', '--schema', join(dir, 'driver.xsd'), manifestPath],
      {
        env: { ...process.env, XML_CATALOG_FILES: join(dir, 'catalog.xml') },
      },
    )
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

/** Evaluates an XPath 1.0 expression with xmllint (namespaces matched by local-name() and namespace-uri()). */
export const xpath = async (file: string, expression: string): Promise<string> =>
  (await run('xmllint', ['--nonet', '--xpath', expression, file])).stdout.trim()
