/**
 * `npm run bench:import`: imports a generated 200-page .docx with 100 images the way the CLI does (read and
 * convert, plan the outline, build the course, encode the .chorus file) and prints the time of each step.
 * The median of three runs is what the README states.
 */
import { performance } from 'node:perf_hooks'
import { encodeCourseFile } from '../../../shared/course-file/encode'
import { newCourseId } from '../../../shared/course/ids'
import { buildImportedCourse } from '../../../shared/import/apply-plan'
import { planImport } from '../../../shared/import/outline-plan'
import { readDocument } from '../../../shared/import/read-document'
import { benchDocument, IMAGES, PAGES } from './generate-docx'

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`
const ms = (value: number): string => `${value.toFixed(0)} ms`

const t0 = performance.now()
const docx = await benchDocument()
console.log(
  `generated a ${PAGES}-page .docx with ${IMAGES} images: ${mb(docx.length)} in ${ms(performance.now() - t0)}`,
)
console.log('')
console.log('run   read+convert   plan   build course   encode   total')

const totals: number[] = []
for (let run = 1; run <= 3; run++) {
  const started = performance.now()
  const parsed = await readDocument({ name: 'Handbook.docx', bytes: docx })
  if (!parsed.ok) throw new Error(parsed.error.message)
  const read = performance.now()
  const plan = planImport(parsed.value)
  const planned = performance.now()
  const doc = buildImportedCourse(plan, { id: newCourseId() })
  const built = performance.now()
  const file = encodeCourseFile(doc, plan.media)
  const done = performance.now()
  if (plan.imageCount !== IMAGES || plan.media.size !== IMAGES) throw new Error(`expected ${IMAGES} images`)
  totals.push(done - started)
  console.log(
    `${String(run).padEnd(4)}  ${ms(read - started).padStart(12)}  ${ms(planned - read).padStart(5)}  ${ms(built - planned).padStart(13)}  ${ms(done - built).padStart(7)}  ${ms(done - started).padStart(6)}` +
      (run === 1
        ? `   (${plan.sections.length} sections, ${plan.lessonCount} lessons, ${mb(file.length)} course file)`
        : ''),
  )
}
const median = [...totals].sort((a, b) => a - b)[1] ?? 0
console.log('')
console.log(`median: ${ms(median)} for ${PAGES} pages and ${IMAGES} images`)
