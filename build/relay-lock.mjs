// @ts-check
/**
 * Writes the relay package's own lock file, cut out of the root one. With npm workspaces the root
 * package-lock.json holds every package, the relay's included, and a workspace has no lock of its own; but on a
 * server `npm ci --omit=dev` needs one beside relay-server/package.json. Cutting it from the root lock (instead of
 * resolving afresh with `npm install --package-lock-only`) makes the server install exactly the versions the
 * tests ran against.
 */

/** @typedef {{ version?: string, dependencies?: Record<string, string>, optionalDependencies?: Record<string, string>, peerDependencies?: Record<string, string>, peerDependenciesMeta?: Record<string, { optional?: boolean }>, dev?: boolean, devOptional?: boolean, peer?: boolean, link?: boolean, resolved?: string, [key: string]: unknown }} LockEntry */

/**
 * Where Node (and npm) would find `name` when required from the package at `from` (a lock path such as
 * `relay-server` or `node_modules/a/node_modules/b`): the nearest node_modules folder up the tree.
 * @param {Record<string, LockEntry>} packages
 * @param {string} from
 * @param {string} name
 * @returns {string | undefined}
 */
const resolveFrom = (packages, from, name) => {
  let base = from
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`
    if (packages[candidate] !== undefined) return candidate
    if (base === '') return undefined
    const cut = base.lastIndexOf('/node_modules/')
    base = cut >= 0 ? base.slice(0, cut) : ''
  }
}

/**
 * @param {{ packages: Record<string, LockEntry>, lockfileVersion: number }} rootLock the root package-lock.json
 * @param {string} workspace the workspace's folder, e.g. `relay-server`
 * @param {{ name: string, version: string, license?: string, engines?: Record<string, string>, dependencies?: Record<string, string> }} manifest its package.json
 */
export const workspaceLock = (rootLock, workspace, manifest) => {
  const { packages } = rootLock
  if (rootLock.lockfileVersion < 2 || packages === undefined)
    throw new Error('the root package-lock.json must be lockfileVersion 2 or 3')
  const dependencies = manifest.dependencies ?? {}
  /** @type {Map<string, string>} lock path in the root → lock path in the workspace's own lock */
  const taken = new Map()
  const queue = Object.keys(dependencies).map((name) => ({ from: workspace, name, optional: false }))
  while (queue.length > 0) {
    const next = queue.shift()
    if (next === undefined) break
    const at = resolveFrom(packages, next.from, next.name)
    if (at === undefined) {
      if (next.optional) continue
      throw new Error(
        `${next.name} (needed by ${next.from}) is not in the root lock; run npm install at the root`,
      )
    }
    if (taken.has(at)) continue
    const target = at.startsWith(`${workspace}/`) ? at.slice(workspace.length + 1) : at
    if ([...taken.values()].includes(target)) throw new Error(`two packages would land at ${target}`)
    taken.set(at, target)
    const entry = packages[at] ?? {}
    for (const name of Object.keys(entry.dependencies ?? {})) queue.push({ from: at, name, optional: false })
    for (const name of Object.keys(entry.optionalDependencies ?? {}))
      queue.push({ from: at, name, optional: true })
    for (const [name] of Object.entries(entry.peerDependencies ?? {})) {
      // Peers are installed for their dependant; optional ones only when something else brings them.
      const optional = entry.peerDependenciesMeta?.[name]?.optional === true
      if (!optional) queue.push({ from: at, name, optional: false })
    }
  }
  /** @type {Record<string, LockEntry>} */
  const out = {
    '': {
      name: manifest.name,
      version: manifest.version,
      ...(manifest.license === undefined ? {} : { license: manifest.license }),
      dependencies,
      ...(manifest.engines === undefined ? {} : { engines: manifest.engines }),
    },
  }
  for (const [at, target] of [...taken].sort(([, a], [, b]) => (a < b ? -1 : 1))) {
    // Flags describe the root's tree (dev: only the root's dev tooling needs it); here everything is production.
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = packages[at] ?? {}
    out[target] = entry
  }
  return { name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages: out }
}
