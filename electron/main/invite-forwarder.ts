import type { BrowserWindow } from 'electron'
import { IPC } from '../../shared/ipc'

// A few links are plenty for a person clicking invites; more only piles up confirmations.
const MAX_WAITING = 5

export interface InviteForwarder {
  /** Queues a validated chorus:// invite link (null does nothing) and sends it once the page can take it. */
  offer(link: string | null): void
  /** The window whose page receives the links; links wait while it loads. */
  attach(window: BrowserWindow): void
}

/** Holds invite links the operating system opened the app with until the app's page has loaded, then sends them. */
export const createInviteForwarder = (): InviteForwarder => {
  const waiting: string[] = []
  let target: BrowserWindow | undefined

  const flush = (): void => {
    if (waiting.length === 0 || !target || target.isDestroyed() || target.webContents.isLoading()) return
    for (const link of waiting.splice(0)) target.webContents.send(IPC.inviteLink, link)
    // The question about the link is in this window: bring it forward.
    if (target.isMinimized()) target.restore()
    target.focus()
  }

  return {
    offer: (link) => {
      if (link === null || waiting.length >= MAX_WAITING) return
      waiting.push(link)
      flush()
    },
    attach: (window) => {
      target = window
      window.webContents.on('did-finish-load', flush)
      window.on('closed', () => {
        if (target === window) target = undefined
      })
    },
  }
}
