import type { ChorusError, Result } from './errors'
import type { FileFilter, MenuCommand, OpenedFile } from './platform'
import { parseJoinLink } from './protocol/invite'

/** Each IPC channel is named once, here. */
export const IPC = {
  saveFile: 'chorus:save-file',
  openFile: 'chorus:open-file',
  openExternal: 'chorus:open-external',
  menuCommand: 'chorus:menu-command',
  /** Main to renderer: a `chorus://join?…` link the operating system opened the app with. */
  inviteLink: 'chorus:invite-link',
} as const

export interface SaveFileArgs {
  readonly suggestedName: string
  readonly bytes: Uint8Array
  readonly filters: readonly FileFilter[]
}

/**
 * Every request the renderer makes of main, by channel: its one argument and its result. The preload's methods,
 * main's handlers and their validators are all typed from this map, so a channel without a handler, or with a
 * handler or validator of other types, does not compile.
 */
export interface InvokeContract {
  readonly [IPC.saveFile]: {
    readonly args: SaveFileArgs
    readonly result: Result<{ readonly saved: boolean }>
  }
  readonly [IPC.openFile]: {
    readonly args: readonly FileFilter[]
    readonly result: Result<OpenedFile | null>
  }
  readonly [IPC.openExternal]: { readonly args: string; readonly result: undefined }
}

export type InvokeChannel = keyof InvokeContract
export type InvokeArgs<C extends InvokeChannel> = InvokeContract[C]['args']
export type InvokeResult<C extends InvokeChannel> = InvokeContract[C]['result']

/** Every message main sends the renderer, by channel: its payload (checked again by the preload). */
export interface SendContract {
  readonly [IPC.menuCommand]: MenuCommand
  readonly [IPC.inviteLink]: string
}

/** Which `window.chorus` method makes which request. */
export const INVOKE_METHODS = {
  saveFile: IPC.saveFile,
  openFile: IPC.openFile,
  openExternal: IPC.openExternal,
} as const satisfies Record<string, InvokeChannel>

/** Every invoke channel has a method: a channel added to the contract alone fails to compile here. */
type Holds<T extends true> = T
type MissingMethods = Exclude<InvokeChannel, (typeof INVOKE_METHODS)[keyof typeof INVOKE_METHODS]>
export type EveryChannelHasAMethod = Holds<[MissingMethods] extends [never] ? true : false>

/** The request half of the desktop API, derived from the contract. */
export type InvokeApi = {
  readonly [M in keyof typeof INVOKE_METHODS]: (
    args: InvokeArgs<(typeof INVOKE_METHODS)[M]>,
  ) => Promise<InvokeResult<(typeof INVOKE_METHODS)[M]>>
}

/** The whole surface the preload exposes on `window.chorus`: functions only, never ipcRenderer. */
export interface ChorusDesktopApi extends InvokeApi {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /**
   * Subscribes to `chorus://join?…` links opened with the app; links that arrived before the first subscriber
   * are delivered to it. Each link still goes through the join confirmation. Returns unsubscribe.
   */
  onInviteLink(listener: (link: string) => void): () => void
}

/** What main does with one request: check the argument it was sent, then answer. */
export interface InvokeHandler<C extends InvokeChannel, Context> {
  /** The argument as sent by the renderer, checked: a compromised renderer may send anything. */
  readonly parse: (raw: unknown) => Result<InvokeArgs<C>>
  /** The answer to an argument that failed `parse`. */
  readonly refuse: (error: ChorusError) => InvokeResult<C>
  readonly handle: (context: Context, args: InvokeArgs<C>) => Promise<InvokeResult<C>>
}

/** Main's handlers: exactly one per invoke channel. */
export type InvokeHandlers<Context> = { readonly [C in InvokeChannel]: InvokeHandler<C, Context> }

/** Calls a handler with a raw argument: parsed, then handled or refused. */
export const runHandler = async <C extends InvokeChannel, Context>(
  handler: InvokeHandler<C, Context>,
  context: Context,
  raw: unknown,
): Promise<InvokeResult<C>> => {
  const args = handler.parse(raw)
  return args.ok ? handler.handle(context, args.value) : handler.refuse(args.error)
}

const APP_INVITE_PREFIX = 'chorus://join?'
const MAX_INVITE_LINK_LENGTH = 8192

/**
 * The payload of an {@link IPC.inviteLink} message: a well-formed `chorus://join?…` course or team invite, or null
 * for anything else.
 */
export const readInviteLinkMessage = (value: unknown): string | null =>
  typeof value === 'string' &&
  value.length <= MAX_INVITE_LINK_LENGTH &&
  value.startsWith(APP_INVITE_PREFIX) &&
  parseJoinLink(value).ok
    ? value
    : null

export const DESKTOP_API_KEY = 'chorus'
