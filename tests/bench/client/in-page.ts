/**
 * What the benchmark runs inside the page, bundled by run.ts into one script that defines `chorusBench`.
 *
 * The floors: what no app could beat on the same machine in the same run. Applying the course's update,
 * reading its rows from IndexedDB and applying them, and mounting a bare Tiptap editor (StarterKit +
 * Collaboration, nothing of Chorus) on a lesson and typing into it. And the probes that time the app and the
 * floors alike: a lesson switch until its text is painted, and each keystroke until the next frame.
 */
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import StarterKit from '@tiptap/starter-kit'
import * as Y from 'yjs'
import { lessonBodyOf, lessonsMap } from '../../../shared/course/schema'

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (char) => char.charCodeAt(0))

const openChorusDb = (): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open('chorus')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })

/** Stores the rows as the course's only rows, with a library entry, as an earlier session would have left them. */
async function seed(courseId: string, title: string, rows64: readonly string[]): Promise<void> {
  const db = await openChorusDb()
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(['courses', 'updates', 'reviewUpdates'], 'readwrite')
    const now = Date.now()
    transaction.objectStore('courses').put({ id: courseId, title, createdAt: now, updatedAt: now })
    for (const name of ['updates', 'reviewUpdates']) {
      const store = transaction.objectStore(name)
      const keys = store.index('courseId').getAllKeys(courseId)
      keys.onsuccess = () => keys.result.forEach((key) => store.delete(key))
    }
    // Requests run in order: the keys read above are the old rows only, so the deletes never hit a new one.
    const updates = transaction.objectStore('updates')
    rows64.forEach((row) => updates.add({ courseId, update: fromBase64(row) }))
    transaction.oncomplete = () => resolve()
    transaction.onabort = () => reject(transaction.error ?? new Error('seeding aborted'))
  })
  db.close()
}

/** How many rows the course has now. */
async function rowCount(courseId: string): Promise<number> {
  const db = await openChorusDb()
  const count = await new Promise<number>((resolve, reject) => {
    const request = db.transaction('updates').objectStore('updates').index('courseId').count(courseId)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  db.close()
  return count
}

let doc: Y.Doc | null = null
let editor: Editor | null = null

const floor = {
  /** Milliseconds to apply the course as one update. */
  applyState(state64: string): number {
    const update = fromBase64(state64)
    const started = performance.now()
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, update)
    const elapsed = performance.now() - started
    fresh.destroy()
    return elapsed
  },

  /** Milliseconds to read the course's rows from IndexedDB and apply them, as the app must on open. */
  async readAndApply(courseId: string): Promise<number> {
    const started = performance.now()
    const db = await openChorusDb()
    const rows = await new Promise<{ update: Uint8Array }[]>((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').index('courseId').getAll(courseId)
      request.onsuccess = () => resolve(request.result as { update: Uint8Array }[])
      request.onerror = () => reject(request.error)
    })
    const fresh = new Y.Doc()
    Y.transact(fresh, () => rows.forEach((row) => Y.applyUpdate(fresh, row.update)))
    const elapsed = performance.now() - started
    db.close()
    doc?.destroy()
    doc = fresh
    return elapsed
  },

  /** Mounts a bare editor on a lesson of the course last read (replacing the previous one). */
  mount(lessonId: string): void {
    editor?.destroy()
    const lesson = doc ? lessonsMap(doc).get(lessonId) : undefined
    const fragment = lesson ? lessonBodyOf(lesson) : undefined
    if (!fragment) throw new Error(`no lesson ${lessonId}`)
    let host = document.getElementById('bench-floor')
    if (!host) {
      host = document.createElement('div')
      host.id = 'bench-floor'
      host.className = 'lesson-body-frame'
      document.body.replaceChildren(host)
    }
    editor = new Editor({
      element: host,
      extensions: [
        StarterKit.configure({ undoRedo: false, trailingNode: false }),
        Collaboration.configure({ fragment }),
      ],
      editorProps: { attributes: { class: 'lesson-body', 'aria-label': 'Floor lesson body' } },
    })
  },
}

/** Resolves just after the next frame is painted: a frame callback, then a task queued from it. */
const nextFrame = (): Promise<number> =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    }),
  )

const lessonBodyText = (label: string): string =>
  document.querySelector(`[aria-label="${label}"]`)?.textContent ?? ''

/** Milliseconds from `start` until a painted frame shows `marker` in the editor labelled `label`. */
async function paintedWith(label: string, marker: string, start: number): Promise<number> {
  for (;;) {
    const painted = await nextFrame()
    if (lessonBodyText(label).includes(marker)) return painted - start
    if (painted - start > 10_000) throw new Error(`"${marker}" never showed`)
  }
}

const findOutlineRow = (title: string): HTMLButtonElement | undefined => {
  const outline = document.querySelector('nav[aria-label="Course outline"]')
  return [...(outline?.querySelectorAll('button') ?? [])].find((b) => b.textContent === title)
}

/** The outline row titled `title`, once it is on the page. */
async function outlineRow(title: string): Promise<HTMLButtonElement> {
  const started = performance.now()
  for (;;) {
    const button = findOutlineRow(title)
    if (button) return button
    if ((await nextFrame()) - started > 10_000) throw new Error(`no outline row ${title}`)
  }
}

/** Resolves once the outline holds all `count` lesson rows: the rows past its first screen are built at idle times. */
async function outlineComplete(count: number): Promise<void> {
  const started = performance.now()
  while (document.querySelectorAll('nav[aria-label="Course outline"] li.outline-lesson').length < count) {
    if ((await nextFrame()) - started > 30_000) throw new Error(`the outline never showed ${count} lessons`)
  }
}

let keyLatencies: number[] = []
let longTasks: number[] = []
let stopProbe: (() => void) | null = null

const probes = {
  /**
   * Clicks the outline row titled `title` and times it until the lesson's text is painted. A long outline builds
   * its rows beyond the first screen in idle moments after the open: the clock starts once the row is there.
   */
  async switchLesson(title: string, marker: string): Promise<number> {
    const button = await outlineRow(title)
    const start = performance.now()
    button.click()
    return paintedWith('Lesson body', marker, start)
  },

  /** The same for the bare editor: mount it on the lesson and time until its text is painted. */
  floorSwitch(lessonId: string, marker: string): Promise<number> {
    const start = performance.now()
    floor.mount(lessonId)
    return paintedWith('Floor lesson body', marker, start)
  },

  /** Starts timing every keystroke, from the key event to the next painted frame, and every long task. */
  startTyping(): void {
    keyLatencies = []
    longTasks = []
    const onKey = (event: KeyboardEvent) => {
      const start = event.timeStamp
      void nextFrame().then((painted) => keyLatencies.push(painted - start))
    }
    window.addEventListener('keydown', onKey, true)
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => longTasks.push(entry.duration)),
    )
    observer.observe({ type: 'longtask' })
    stopProbe = () => {
      window.removeEventListener('keydown', onKey, true)
      observer.disconnect()
    }
  },

  async stopTyping(): Promise<{ latencies: number[]; longTasks: number[] }> {
    await nextFrame()
    await nextFrame()
    stopProbe?.()
    return { latencies: keyLatencies, longTasks }
  },
}

Object.assign(globalThis, { chorusBench: { floor, probes, seed, rowCount, outlineComplete } })
