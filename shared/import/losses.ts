/**
 * What an import could not carry over as it was, counted by kind, so the preview can say so before anything is
 * created ("2 tables flattened to text").
 */
export type LossKind =
  | 'table-flattened'
  | 'image-unsupported'
  | 'chart-dropped'
  | 'image-too-large'
  | 'image-missing'
  | 'image-remote'
  | 'link-unsafe'
  | 'link-internal'
  | 'block-simplified'

export interface Loss {
  readonly kind: LossKind
  readonly count: number
  /** For the preview and the CLI: "2 tables flattened to text". */
  readonly message: string
}

export interface LossCounter {
  add(kind: LossKind, count?: number): void
  list(): Loss[]
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`

export const describeLoss = (kind: LossKind, count: number): string => {
  switch (kind) {
    case 'table-flattened':
      return `${plural(count, 'table', 'tables')} flattened to text (one paragraph per row, cells separated by “|”)`
    case 'image-unsupported':
      return `${plural(count, 'embedded image or chart', 'embedded images or charts')} dropped (only PNG, JPEG, GIF, WebP and AVIF images are kept)`
    case 'chart-dropped':
      return `${plural(count, 'embedded chart', 'embedded charts')} dropped (the course has no chart block; paste it as a picture)`
    case 'image-too-large':
      return `${plural(count, 'image', 'images')} dropped for being larger than 20 MB`
    case 'image-missing':
      return `${plural(count, 'image', 'images')} dropped: not found next to the document`
    case 'image-remote':
      return `${plural(count, 'web image', 'web images')} dropped: Chorus never links images from the web`
    case 'link-unsafe':
      return `${plural(count, 'link', 'links')} removed for an address that is not http, https or mailto (the text is kept)`
    case 'link-internal':
      return `${plural(count, 'link', 'links')} to a place inside the document kept as plain text`
    case 'block-simplified':
      return `${plural(count, 'block', 'blocks')} the editor cannot hold kept as plain text`
  }
}

const ORDER: readonly LossKind[] = [
  'table-flattened',
  'image-unsupported',
  'chart-dropped',
  'image-too-large',
  'image-missing',
  'image-remote',
  'link-unsafe',
  'link-internal',
  'block-simplified',
]

export const createLossCounter = (): LossCounter => {
  const counts = new Map<LossKind, number>()
  return {
    add: (kind, count = 1) => void counts.set(kind, (counts.get(kind) ?? 0) + count),
    list: () =>
      ORDER.flatMap((kind) => {
        const count = counts.get(kind) ?? 0
        return count > 0 ? [{ kind, count, message: describeLoss(kind, count) }] : []
      }),
  }
}
