/** `npm run export -- <course-file.chorus> --format scorm12|scorm2004|web --out FILE.zip` */
import { runExport } from '../export-cli/run-export'

process.exitCode = await runExport(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})
