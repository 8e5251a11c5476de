/**
 * shared/ runs in browsers and in Node, so it sees neither the DOM's nor Node's type libraries. These are the few
 * web-standard globals both runtimes provide, declared to the extent shared/ uses them.
 */
declare global {
  class URL {
    constructor(url: string, base?: string | URL)
    readonly protocol: string
    readonly host: string
    readonly hostname: string
    readonly port: string
    readonly pathname: string
    readonly origin: string
    readonly hash: string
    readonly search: string
    readonly searchParams: URLSearchParams
    href: string
    toString(): string
  }
  class URLSearchParams {
    constructor(init?: string | Record<string, string>)
    get(name: string): string | null
    set(name: string, value: string): void
    has(name: string): boolean
    toString(): string
  }
  class TextEncoder {
    encode(input?: string): Uint8Array
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean })
    decode(input?: Uint8Array): string
  }
  const crypto: {
    getRandomValues<T extends Uint8Array | Uint16Array | Uint32Array>(array: T): T
    readonly subtle: {
      digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>
    }
  }
}

export {}
