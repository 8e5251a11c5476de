import type { ChorusDesktopApi } from '../../../shared/ipc'
import type { Platform } from '../../../shared/platform'

/** The desktop shell: everything goes through the small API the preload exposes. */
export const createElectronPlatform = (api: ChorusDesktopApi): Platform => ({
  kind: 'electron',
  saveFile: ({ suggestedName, bytes, filters }) => api.saveFile({ suggestedName, bytes, filters }),
  openFile: (filters) => api.openFile(filters),
  openExternal: (url) => api.openExternal(url),
  onMenuCommand: (listener) => api.onMenuCommand(listener),
  onInviteLink: (listener) => api.onInviteLink(listener),
})
