/** `npm run import -- FILE.docx|FILE.md|FILE.zip --out COURSE.chorus [--sections-at 1 --lessons-at 2]` */
import { runImport } from '../import-cli/run-import'

process.exitCode = await runImport(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})
