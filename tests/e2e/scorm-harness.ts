/**
 * A stand-in LMS for the SCORM end-to-end tests: the shipped sample course exported in Node, unzipped under a
 * static server on a loopback port, and a parent page whose SCORM API is scorm-again's (an independent runtime),
 * wrapped so every call the package makes is recorded.
 */
import { readFile, mkdir, writeFile, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize, resolve } from 'node:path'
import { unzipSync } from 'fflate'
import { decodeCourseFile } from '../../shared/course-file/decode'
import { updateCourseSettings } from '../../shared/course/commands'
import { exportCourse } from '../../shared/export/export-course'
import { exportInputFromDoc } from '../../shared/export/from-doc'
import type { ExportFormat } from '../../shared/export/types'

const repo = resolve(import.meta.dirname, '../..')
export const SAMPLE_FILE = join(repo, 'renderer/public/samples/ledgerly-onboarding.chorus')

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
}

/** One call the package made on the LMS API, as the parent page recorded it. */
export interface ApiCall {
  readonly fn: string
  readonly args: unknown[]
  readonly result: unknown
}

const LMS_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Test LMS</title>
<script src="scorm12.js"></script><script src="scorm2004.js"></script></head>
<body><iframe id="sco" title="course" style="width:100%;height:90vh;border:0"></iframe>
<script>
window.calls = [];
window.decoyCalls = [];
var FNS = {
  '12': ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  '2004': ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError', 'GetErrorString', 'GetDiagnostic']
};
window.startLms = function (version, stored, src) {
  var api = version === '12' ? new Scorm12API({ logLevel: 5, autocommit: false }) : new Scorm2004API({ logLevel: 5, autocommit: false });
  if (stored) api.loadFromJSON(stored, '');
  var wrapped = {};
  FNS[version].forEach(function (fn) {
    wrapped[fn] = function () {
      var args = Array.prototype.slice.call(arguments);
      var result = api[fn].apply(api, args);
      window.calls.push({ fn: fn, args: args, result: result });
      return result;
    };
  });
  window.lmsApi = api;
  window[version === '12' ? 'API' : 'API_1484_11'] = wrapped;
  // The other version's API is present too, as in LMSs that offer both: the package must not touch it.
  window[version === '12' ? 'API_1484_11' : 'API'] = new Proxy({}, {
    get: function (_, name) { return function () { window.decoyCalls.push(String(name)); return 'true'; }; }
  });
  document.getElementById('sco').src = src;
};
window.storedCmi = function () { return JSON.parse(JSON.stringify(window.lmsApi.cmi)); };
</script></body></html>`

export interface Harness {
  readonly origin: string
  readonly close: () => Promise<void>
}

const unzipTo = async (zip: Uint8Array, dir: string): Promise<void> => {
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), bytes)
  }
}

/** Serves `root` read-only on 127.0.0.1, on a free port. */
const serve = async (root: string): Promise<Server> => {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^([/\\])+/,
      '',
    )
    readFile(join(root, path)).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
        res.end(body)
      },
      () => {
        res.writeHead(404)
        res.end()
      },
    )
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return server
}

/**
 * Exports the sample course in each format into /<format>/, and asking for lesson reactions into
 * /<format>-reactions/, and serves them with the LMS page at /lms.html.
 */
export const startHarness = async (): Promise<Harness> => {
  const root = await mkdtemp(join(tmpdir(), 'chorus-scorm-e2e-'))
  const decoded = await decodeCourseFile(await readFile(SAMPLE_FILE))
  if (!decoded.ok) throw new Error(`sample course: ${decoded.error.message}`)
  const exportTo = async (format: ExportFormat, dir: string): Promise<void> => {
    const input = exportInputFromDoc(decoded.value.doc, decoded.value.media)
    const exported = await exportCourse(input, format)
    if (!exported.ok) throw new Error(`export ${format}: ${exported.error.message}`)
    await unzipTo(exported.value.zip, join(root, dir))
  }
  for (const format of ['scorm12', 'scorm2004', 'web'] satisfies ExportFormat[])
    await exportTo(format, format)
  // The same course asking learners whether each lesson helped, in /<format>-reactions/.
  updateCourseSettings(decoded.value.doc, { askLessonReactions: true })
  for (const format of ['scorm12', 'scorm2004'] satisfies ExportFormat[]) {
    await exportTo(format, `${format}-reactions`)
  }
  const dist = join(repo, 'node_modules/scorm-again/dist')
  await writeFile(join(root, 'scorm12.js'), await readFile(join(dist, 'scorm12.js')))
  await writeFile(join(root, 'scorm2004.js'), await readFile(join(dist, 'scorm2004.js')))
  await writeFile(join(root, 'lms.html'), LMS_PAGE)
  const server = await serve(root)
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()))
      await rm(root, { recursive: true, force: true })
    },
  }
}
