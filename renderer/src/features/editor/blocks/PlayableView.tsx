import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { NODE } from '../../../../../shared/course/content'
import { useMediaUrl } from '../../../media/use-media-url'
import { canEditLesson } from '../read-only-lesson'
import { BlockTextField } from './BlockTextField'
import { mediaScopeOf } from './media-scope'
import { MediaStatus } from './MediaStatus'
import { removeBlock } from './remove-block'

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

/** A video or audio block: the player from this device's media store, and its title. */
export function PlayableView({ node, editor, updateAttributes, getPos }: ReactNodeViewProps) {
  const kind = node.type.name === NODE.video ? 'video' : 'audio'
  const name = kind === 'video' ? 'Video' : 'Audio'
  const title = str(node.attrs.title)
  const media = useMediaUrl(mediaScopeOf(editor).db, str(node.attrs.hash))
  const Player = kind
  return (
    <NodeViewWrapper as="figure" className={`block block-media block-${kind}`} role="group" aria-label={name}>
      {media.kind === 'ready' ? (
        <Player controls preload="metadata" src={media.url} aria-label={title || name} />
      ) : (
        <MediaStatus media={media} kind={kind} />
      )}
      {canEditLesson(editor) ? (
        <div className="block-media-fields">
          <BlockTextField
            label={`${name} title`}
            value={title}
            onChange={(next) => updateAttributes({ title: next })}
          />
          <button type="button" className="block-remove" onClick={() => removeBlock(editor, getPos())}>
            Remove {kind}
          </button>
        </div>
      ) : (
        title && <figcaption>{title}</figcaption>
      )}
    </NodeViewWrapper>
  )
}
