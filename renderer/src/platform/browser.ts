import { err, ok } from '../../../shared/errors'
import { isExternalHttpUrl, type FileFilter, type Platform } from '../../../shared/platform'

const acceptAttribute = (filters: readonly FileFilter[]): string =>
  filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',')

const downloadBytes = (name: string, bytes: Uint8Array): void => {
  // Copy into a fresh ArrayBuffer: the Blob constructor rejects views over a SharedArrayBuffer.
  const url = URL.createObjectURL(new Blob([bytes.slice()]))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; revoking later leaves the browser time to read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

const pickFile = (filters: readonly FileFilter[]): Promise<File | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = acceptAttribute(filters)
    input.hidden = true
    const finish = (file: File | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => finish(null), { once: true })
    document.body.append(input)
    input.click()
  })

/** The plain-browser host: downloads instead of save dialogs, a file input instead of open dialogs, no app menu. */
export const createBrowserPlatform = (): Platform => ({
  kind: 'browser',
  saveFile: async ({ suggestedName, bytes }) => {
    try {
      downloadBytes(suggestedName, bytes)
      // A browser download cannot be cancelled from the page's point of view: once started, it counts as saved.
      return ok({ saved: true })
    } catch (cause) {
      return err('file-write-failed', `The file could not be downloaded (${String(cause)}). Try again.`)
    }
  },
  openFile: async (filters) => {
    const file = await pickFile(filters)
    if (file === null) return ok(null)
    try {
      return ok({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
    } catch (cause) {
      return err(
        'file-unreadable',
        `“${file.name}” could not be read (${String(cause)}). Check the file and try again.`,
      )
    }
  },
  openExternal: async (url) => {
    if (!isExternalHttpUrl(url)) return
    window.open(url, '_blank', 'noopener,noreferrer')
  },
  onMenuCommand: () => () => {},
  // Invites open the web app at its `#/join?…` address, which the app reads at start (see invite-address.ts).
  onInviteLink: () => () => {},
})
