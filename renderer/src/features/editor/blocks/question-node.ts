import { Node } from '@tiptap/core'
import { Slice } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { ReactNodeViewRenderer } from '@tiptap/react'
import { NODE, type QuestionAttrs } from '../../../../../shared/course/content'
import { blockHtml, blockParseRules, jsonAttributes } from './block-html'
import { questionIdsIn, withFreshQuestionIds } from './question-ids'
import { QuestionView } from './QuestionView'

const QUESTION_DEFAULTS = {
  id: '',
  kind: 'single',
  prompt: '',
  choices: [],
  feedbackCorrect: '',
  feedbackIncorrect: '',
} satisfies QuestionAttrs

/**
 * A knowledge check: a leaf whose whole content (kind, prompt, choices, feedback) is its attrs, edited through a
 * React node view. The id stays with the question for good; only a pasted copy beside its original gets a new one,
 * so two questions never share a learner's stored answer.
 */
export const QuestionNode = Node.create({
  name: NODE.question,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes: () => jsonAttributes(QUESTION_DEFAULTS),
  parseHTML: () => blockParseRules(NODE.question, 'div'),
  renderHTML: ({ node }) => blockHtml(NODE.question, 'div', node, false),
  addNodeView: () => ReactNodeViewRenderer(QuestionView),
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('chorusQuestionIds'),
        props: {
          transformPasted: (slice, view) => {
            // A drag that moves the question keeps its id: the original goes away in the same step.
            if (view.dragging?.move) return slice
            return new Slice(
              withFreshQuestionIds(slice.content, questionIdsIn(view.state.doc)),
              slice.openStart,
              slice.openEnd,
            )
          },
        },
      }),
    ]
  },
})
