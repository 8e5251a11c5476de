import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import type { CalloutTone } from '../../../../../shared/course/content'
import { canEditLesson } from '../read-only-lesson'
import { BlockSelectField } from './BlockSelectField'

const TONES: Readonly<Record<CalloutTone, string>> = { info: 'Info', tip: 'Tip', warning: 'Warning' }

const toneOf = (value: unknown): CalloutTone => (value === 'tip' || value === 'warning' ? value : 'info')

/** A callout in the editor: its tone switch above its editable paragraphs. */
export function CalloutView({ node, editor, updateAttributes }: ReactNodeViewProps) {
  const tone = toneOf(node.attrs.tone)
  return (
    <NodeViewWrapper
      as="aside"
      className={`block block-callout block-callout-${tone}`}
      role="note"
      aria-label={`${TONES[tone]} callout`}
    >
      <div className="block-bar" contentEditable={false}>
        {canEditLesson(editor) ? (
          <BlockSelectField
            label="Callout tone"
            value={tone}
            options={TONES}
            onChange={(next) => updateAttributes({ tone: next })}
          />
        ) : (
          <span className="block-kind">{TONES[tone]}</span>
        )}
      </div>
      <NodeViewContent className="block-callout-body" />
    </NodeViewWrapper>
  )
}
