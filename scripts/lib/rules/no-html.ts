import { textRule } from './rule.ts'

const TAG = /<\s*[a-zA-Z!/?]/

/** No text field holds markup, so every consumer can escape it once and trust the result. */
export const noHtml = textRule('no-html', (text) =>
  TAG.test(text)
    ? {
        message: 'contains HTML or markup.',
        fix: 'Write plain text; use words instead of tags (for "<" in numbers write "less than").',
      }
    : undefined,
)
