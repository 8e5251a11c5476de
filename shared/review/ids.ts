import { randomString } from '../course/ids'
import type { CommentId, ThreadId } from './types'

/** Same length and alphabet as course ids (≈131 random bits): two peers never draw the same id. */
const ID_LENGTH = 22

export const newThreadId = (): ThreadId => randomString(ID_LENGTH) as ThreadId
export const newCommentId = (): CommentId => randomString(ID_LENGTH) as CommentId
