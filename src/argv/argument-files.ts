/**
 * picocli-style `@file` expansion: a file's tokens replace the `@file` argument. Tokens are separated by
 * white space, single or double quotes group words, `#` starts a comment, and files may include other
 * `@files`. A file that cannot be read is passed on literally (and then fails as an unknown argument).
 */
export type ReadText = (path: string) => string | undefined

const MAX_DEPTH = 16

export function tokenizeArgumentFile(text: string): string[] {
  const tokens: string[] = []
  let current = ''
  let inToken = false
  let quote: '"' | "'" | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = undefined
      else if (c === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\')) current += text[++i]
      else current += c
      continue
    }
    if (c === '"' || c === "'") {
      quote = c
      inToken = true
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++
      if (inToken) tokens.push(current)
      current = ''
      inToken = false
    } else if (/\s/.test(c)) {
      if (inToken) tokens.push(current)
      current = ''
      inToken = false
    } else {
      current += c
      inToken = true
    }
  }
  if (inToken) tokens.push(current)
  return tokens
}

export function expandArgumentFiles(argv: readonly string[], readText: ReadText, depth = 0): string[] {
  const out: string[] = []
  let literal = false
  for (const arg of argv) {
    if (literal || arg.length < 2 || !arg.startsWith('@')) {
      if (arg === '--') literal = true
      out.push(arg)
      continue
    }
    const text = depth < MAX_DEPTH ? readText(arg.slice(1)) : undefined
    if (text === undefined) out.push(arg)
    else out.push(...expandArgumentFiles(tokenizeArgumentFile(text), readText, depth + 1))
  }
  return out
}
