import { getSchema } from '@tiptap/core'
import { Node as PMNode } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import { describe, expect, it } from 'vitest'
import { NODE } from '../../../../../shared/course/content'
import { CalloutNode } from './callout-node'
import { questionIdsIn, withFreshQuestionIds } from './question-ids'
import { QuestionNode } from './question-node'

const schema = getSchema([StarterKit.configure({ undoRedo: false }), QuestionNode, CalloutNode])

const question = (id: string) => ({ type: NODE.question, attrs: { id, prompt: `Q ${id}` } })

const docOf = (...content: object[]) => PMNode.fromJSON(schema, { type: 'doc', content })

const ids = (doc: PMNode): unknown[] => [...questionIdsIn(doc)]

describe('question ids on paste', () => {
  it('keeps the id of a question moved by cut and paste, and gives a copy beside its original a new one', () => {
    const lesson = docOf(question('a'), { type: 'paragraph' })
    const pasted = docOf(question('a'), question('b'), {
      type: NODE.callout,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'kept' }] }],
    })
    const result = docOf(...withFreshQuestionIds(pasted.content, questionIdsIn(lesson)).toJSON())
    const [first, second] = ids(result)
    expect(first).not.toBe('a')
    expect(first).toMatch(/^[0-9A-Za-z]{22}$/)
    expect(second).toBe('b')
    expect(result.child(0).attrs.prompt).toBe('Q a')
    expect(result.child(2).textContent).toBe('kept')
  })

  it('never lets two pasted questions share an id', () => {
    const pasted = docOf(question('x'), question('x'), question(''))
    const result = withFreshQuestionIds(pasted.content, new Set())
    const found: unknown[] = []
    result.forEach((node) => found.push(node.attrs.id))
    expect(found[0]).toBe('x')
    expect(new Set(found).size).toBe(3)
  })
})
