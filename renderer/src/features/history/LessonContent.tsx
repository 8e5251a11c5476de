import type { ReactNode } from 'react'
import { MARK, NODE, type ContentMark, type ContentNode } from '../../../../shared/course/content'
import { calloutTone, imageAttrs, mediaAttrs, questionAttrs } from '../../../../shared/export/content-attrs'
import { useMediaUrl } from '../../media/use-media-url'
import type { ChorusDb } from '../../storage/db'

interface LessonContentProps {
  readonly db: ChorusDb
  readonly content: ContentNode
}

/**
 * A lesson of an older version, read-only: plain elements built from its content (no editor, nothing to type
 * into), read with the exporter's defensive block readers. Images show if this device has them; video and audio
 * are named, not played.
 */
export function LessonContent({ db, content }: LessonContentProps) {
  return <div className="version-lesson">{children(db, content)}</div>
}

const children = (db: ChorusDb, node: ContentNode): ReactNode[] =>
  (node.content ?? []).map((child, index) => <Node key={index} db={db} node={child} />)

const withMark = (inner: ReactNode, mark: ContentMark): ReactNode => {
  switch (mark.type) {
    case MARK.bold:
      return <strong>{inner}</strong>
    case MARK.italic:
      return <em>{inner}</em>
    case MARK.strike:
      return <s>{inner}</s>
    case MARK.underline:
      return <u>{inner}</u>
    case MARK.code:
      return <code>{inner}</code>
    default:
      // Links show as their text: an old version is for reading, not for following.
      return inner
  }
}

const headingLevel = (node: ContentNode): 4 | 5 | 6 => {
  const level = Number(node.attrs?.level)
  // The lesson title is the view's h3 (under the dialog's h2), so the lesson's own headings start one below.
  return Math.min(6, Math.max(4, Number.isInteger(level) ? level + 3 : 4)) as 4 | 5 | 6
}

function Node({ db, node }: { readonly db: ChorusDb; readonly node: ContentNode }): ReactNode {
  switch (node.type) {
    case NODE.text:
      return (node.marks ?? []).reduce<ReactNode>(withMark, node.text ?? '')
    case NODE.paragraph:
      return <p>{children(db, node)}</p>
    case NODE.heading: {
      const Heading = `h${headingLevel(node)}` as const
      return <Heading>{children(db, node)}</Heading>
    }
    case NODE.bulletList:
      return <ul>{children(db, node)}</ul>
    case NODE.orderedList:
      return <ol>{children(db, node)}</ol>
    case NODE.listItem:
      return <li>{children(db, node)}</li>
    case NODE.blockquote:
      return <blockquote>{children(db, node)}</blockquote>
    case NODE.codeBlock:
      return (
        <pre>
          <code>{children(db, node)}</code>
        </pre>
      )
    case NODE.hardBreak:
      return <br />
    case NODE.horizontalRule:
      return <hr />
    case NODE.callout:
      return (
        <aside className={`version-callout version-callout-${calloutTone(node)}`}>{children(db, node)}</aside>
      )
    case NODE.question:
      return <Question node={node} />
    case NODE.image:
      return <Image db={db} node={node} />
    case NODE.video:
    case NODE.audio: {
      const media = mediaAttrs(node)
      const kind = node.type === NODE.video ? 'Video' : 'Audio'
      return media && <p className="version-media">{`${kind}: ${media.title || 'untitled'}`}</p>
    }
    default:
      return <>{children(db, node)}</>
  }
}

function Question({ node }: { readonly node: ContentNode }) {
  const question = questionAttrs(node)
  if (!question) return null
  return (
    <div className="version-question" role="group" aria-label={`Question: ${question.prompt}`}>
      <p className="version-question-prompt">Question: {question.prompt}</p>
      <ul>
        {question.choices.map((choice) => (
          <li key={choice.id}>
            {choice.text}
            {choice.correct && <strong> (correct)</strong>}
          </li>
        ))}
      </ul>
    </div>
  )
}

function Image({ db, node }: { readonly db: ChorusDb; readonly node: ContentNode }) {
  const image = imageAttrs(node)
  const url = useMediaUrl(db, image?.hash ?? '')
  if (!image) return null
  if (url.kind === 'ready') return <img className="version-image" src={url.url} alt={image.alt} />
  return <p className="version-media">{`Image: ${image.alt || 'no description'} (not on this device)`}</p>
}
