/**
 * `npm run bench:export`: exports a generated 300-lesson course with 100 images in each format and prints the
 * time, the zip size and the raw content size (lesson bodies as JSON plus media bytes) it came from.
 */
import { performance } from 'node:perf_hooks'
import { encodeCourseFile } from '../../../shared/course-file/encode'
import { exportCourse } from '../../../shared/export/export-course'
import { exportInputFromDoc } from '../../../shared/export/from-doc'
import { EXPORT_FORMATS } from '../../../shared/export/types'
import { generateCourse } from './generate-course'

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`
const ms = (value: number): string => `${value.toFixed(0)} ms`

const started = performance.now()
const { doc, media } = generateCourse()
console.log(`generated 300 lessons, ${media.size} images in ${ms(performance.now() - started)}`)

const input = exportInputFromDoc(doc, media)
const lessonBytes = [...input.lessons.values()].reduce((n, body) => n + JSON.stringify(body).length, 0)
const mediaBytes = [...media.values()].reduce((n, blob) => n + blob.bytes.length, 0)
console.log(
  `raw content: ${mb(lessonBytes + mediaBytes)} (lessons ${mb(lessonBytes)} as JSON, media ${mb(mediaBytes)})`,
)
const courseFile = encodeCourseFile(doc, media)
console.log(`.chorus course file: ${mb(courseFile.length)}`)
console.log('')
console.log('format      time      zip size   zip / raw')

for (const format of EXPORT_FORMATS) {
  const t0 = performance.now()
  // Reading the document is part of an export, as in the app and the CLI.
  const exported = await exportCourse(exportInputFromDoc(doc, media), format)
  const elapsed = performance.now() - t0
  if (!exported.ok) throw new Error(exported.error.message)
  const size = exported.value.zip.length
  const ratio = (size / (lessonBytes + mediaBytes)).toFixed(2)
  console.log(`${format.padEnd(10)}  ${ms(elapsed).padStart(7)}  ${mb(size).padStart(9)}   ${ratio}`)
}
