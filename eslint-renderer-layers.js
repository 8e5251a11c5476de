// @ts-check
/**
 * The renderer's inner layers, as README "How it fits together" draws them, as an ESLint rule:
 *
 *   app/        start-up and routing: may import anything in the renderer
 *   features/   one folder per feature; the screens (course/, library/, team/) compose the other features
 *   shared modules: ui/, storage/, media/, platform/, sync/, review/ (comments: session, store and the panel),
 *               history/ (versions), feedback/ (pilot learners' feedback), team/ (team spaces), navigation/ — any other top-level
 *               folder: below every feature, never import a feature or app/
 *
 * - a feature never imports app/;
 * - a feature other than a screen reaches another feature only through a shared module, and no feature imports
 *   a screen;
 * - a shared module imports no feature (tests excepted: they may drive a feature) and not app/;
 * - sync/ never imports review/: review builds on sync, not the reverse.
 *
 * Imports are resolved against the importing file, so `../outline/x` from features/editor/ is features/outline/x.
 */
import path from 'node:path'

const SRC = 'renderer/src'
const SCREENS = new Set(['course', 'library', 'team'])

/**
 * Where a renderer file sits: `app`, `features/<name>`, a shared module's folder, or null outside `renderer/src`'s
 * folders (main.tsx, styles, packages).
 * @param {string} file repository-relative, with forward slashes
 * @returns {string | null}
 */
export const layerOf = (file) => {
  if (!file.startsWith(`${SRC}/`)) return null
  const [top, sub] = file.slice(SRC.length + 1).split('/')
  if (sub === undefined) return null
  return top === 'features' ? `features/${sub.split('/')[0]}` : (top ?? null)
}

/**
 * Why `from` may not import `to` (both layers), or null if it may.
 * @param {string} from
 * @param {string} to
 * @param {boolean} isTest
 * @returns {string | null}
 */
export const layerProblem = (from, to, isTest) => {
  if (from === to || from === 'app') return null
  const fromFeature = from.startsWith('features/') ? from.slice('features/'.length) : null
  const toFeature = to.startsWith('features/') ? to.slice('features/'.length) : null
  const fromShared = fromFeature === null
  if (to === 'app') return `${from}/ may not import app/: app/ composes the renderer, nothing builds on it.`
  if (from === 'sync' && to === 'review')
    return 'sync/ may not import review: review builds on sync, not the reverse.'
  if (toFeature === null) return null
  if (fromShared) return isTest ? null : `${from}/ is a shared module and may not import a feature (${to}/).`
  if (SCREENS.has(toFeature)) return `${to}/ is a screen: features do not import screens.`
  if (fromFeature !== null && SCREENS.has(fromFeature)) return null
  return `${from}/ may not import ${to}/: features reach each other only through a shared module (ui/, storage/, media/, platform/, sync/, review/, history/, feedback/, team/, navigation/).`
}

/** @type {import('eslint').Rule.RuleModule} */
export const rendererLayers = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps the renderer's layers: see eslint-renderer-layers.js" },
    schema: [],
    messages: { layer: '{{problem}}' },
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/')
    const from = layerOf(file)
    if (from === null) return {}
    const isTest = /\.test\.tsx?$/.test(file)
    /** @param {import('estree').Node & { source?: unknown }} node */
    const check = (node) => {
      const source = /** @type {{ value?: unknown } | null | undefined} */ (node.source)
      if (typeof source?.value !== 'string' || !source.value.startsWith('.')) return
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), source.value))
      const to = layerOf(target)
      if (to === null) return
      const problem = layerProblem(from, to, isTest)
      if (problem !== null) context.report({ node, messageId: 'layer', data: { problem } })
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}
