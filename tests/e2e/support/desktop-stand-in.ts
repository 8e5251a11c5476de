/**
 * A stand-in for the Electron preload, for driving the renderer's desktop path in plain Chromium (no Electron
 * binary can run on the CI machine). It has the preload's exact shape (ChorusDesktopApi), records what the
 * renderer asks the host to do, and lets a test send app-menu commands.
 */
import type { Page } from '@playwright/test'
import { DESKTOP_API_KEY, type ChorusDesktopApi } from '../../../shared/ipc'
import type { MenuCommand } from '../../../shared/platform'

interface DesktopProbe {
  send(command: MenuCommand): void
  openInvite(link: string): void
  readonly opened: string[]
}

declare global {
  interface Window {
    chorusDesktopProbe?: DesktopProbe
  }
}

export interface DesktopStandIn {
  sendMenuCommand(command: MenuCommand): Promise<void>
  /** As if the operating system opened the app with this chorus:// link (what the preload delivers). */
  openInviteLink(link: string): Promise<void>
  openedExternally(): Promise<readonly string[]>
}

export async function installDesktopStandIn(page: Page): Promise<DesktopStandIn> {
  await page.addInitScript((apiKey: string) => {
    const listeners = new Set<(command: MenuCommand) => void>()
    const inviteListeners = new Set<(link: string) => void>()
    const opened: string[] = []
    const api: ChorusDesktopApi = {
      saveFile: async () => ({ ok: true, value: { saved: false } }),
      openFile: async () => ({ ok: true, value: null }),
      openExternal: async (url) => {
        opened.push(url)
      },
      onMenuCommand: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      onInviteLink: (listener) => {
        inviteListeners.add(listener)
        return () => inviteListeners.delete(listener)
      },
    }
    Object.assign(window, { [apiKey]: api })
    window.chorusDesktopProbe = {
      send: (command) => listeners.forEach((listener) => listener(command)),
      openInvite: (link) => inviteListeners.forEach((listener) => listener(link)),
      opened,
    }
  }, DESKTOP_API_KEY)
  return {
    sendMenuCommand: (command) => page.evaluate((sent) => window.chorusDesktopProbe?.send(sent), command),
    openInviteLink: (link) => page.evaluate((sent) => window.chorusDesktopProbe?.openInvite(sent), link),
    openedExternally: () => page.evaluate(() => [...(window.chorusDesktopProbe?.opened ?? [])]),
  }
}
