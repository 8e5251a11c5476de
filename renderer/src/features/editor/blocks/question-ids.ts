import { Fragment, type Node as PMNode } from '@tiptap/pm/model'
import { NODE } from '../../../../../shared/course/content'
import { newQuestionId } from './question-model'

export const questionIdsIn = (doc: PMNode): Set<unknown> => {
  const ids = new Set<unknown>()
  doc.descendants((node) => {
    if (node.type.name === NODE.question) ids.add(node.attrs.id)
  })
  return ids
}

/**
 * Pasted content with a new id for every question whose id is already taken (in the lesson, or earlier in the
 * pasted content): a pasted copy is a new question, and two questions must never share a learner's answer.
 */
export const withFreshQuestionIds = (fragment: Fragment, taken: Set<unknown>): Fragment => {
  const nodes: PMNode[] = []
  fragment.forEach((node) => {
    if (node.type.name === NODE.question) {
      const fresh = taken.has(node.attrs.id) || node.attrs.id === ''
      const id: unknown = fresh ? newQuestionId() : node.attrs.id
      taken.add(id)
      nodes.push(fresh ? node.type.create({ ...node.attrs, id }) : node)
    } else {
      nodes.push(node.isLeaf ? node : node.copy(withFreshQuestionIds(node.content, taken)))
    }
  })
  return Fragment.fromArray(nodes)
}
