import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { useMediaUrl } from '../../../media/use-media-url'
import { canEditLesson } from '../read-only-lesson'
import { BlockTextField } from './BlockTextField'
import { mediaScopeOf } from './media-scope'
import { MediaStatus } from './MediaStatus'
import { removeBlock } from './remove-block'

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

/** An image from this device's media store, with its alt text under it while editing. */
export function ImageView({ node, editor, updateAttributes, getPos }: ReactNodeViewProps) {
  const alt = str(node.attrs.alt)
  const media = useMediaUrl(mediaScopeOf(editor).db, str(node.attrs.hash))
  return (
    <NodeViewWrapper as="figure" className="block block-media block-image" role="group" aria-label="Image">
      {media.kind === 'ready' ? (
        <img src={media.url} alt={alt} draggable={false} />
      ) : (
        <MediaStatus media={media} kind="image" />
      )}
      {canEditLesson(editor) && (
        <div className="block-media-fields">
          <BlockTextField
            label="Alt text"
            value={alt}
            placeholder="Describe the image for people who cannot see it"
            onChange={(next) => updateAttributes({ alt: next })}
          />
          <button type="button" className="block-remove" onClick={() => removeBlock(editor, getPos())}>
            Remove image
          </button>
        </div>
      )}
    </NodeViewWrapper>
  )
}
