import type { ContentNode } from '../course/content'
import type { MediaBlob } from '../export/types'
import type { Loss } from './losses'

export type SourceKind = 'docx' | 'markdown' | 'markdown-zip'

/** A document read and converted, before it is cut into sections and lessons. */
export interface ParsedDocument {
  readonly kind: SourceKind
  /** The course title to propose: the file's name without its extension. */
  readonly title: string
  /** Top-level blocks in the editor's schema, headings at the source's own levels (1–6). */
  readonly blocks: readonly ContentNode[]
  /** Accepted images by content hash. */
  readonly media: ReadonlyMap<string, MediaBlob>
  readonly losses: readonly Loss[]
}
