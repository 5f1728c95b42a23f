/**
 * picocli-style `@file` expansion: a file's tokens replace the `@file` argument. Tokens are separated by
 * white space, single or double quotes group words, `#` starts a comment, and files may include other
 * `@files`. A file that cannot be read is passed on literally (and then fails as an unknown argument). A file that
 * includes itself, directly or through others, or nesting deeper than MAX_DEPTH is a usage error. Expansion is
 * iterative, so a file of any number of options needs no call stack.
 */
import {resolve} from 'node:path'

import {UsageError} from '../command/errors.js'

export type ReadText = (path: string) => string | undefined

export const MAX_DEPTH = 16

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

/** Replaces each `@file` argument (before `--`) by the file's tokens, expanding the files those name in turn. */
export function expandArgumentFiles(argv: readonly string[], readText: ReadText): string[] {
  const out: string[] = []
  const root = {tokens: argv, next: 0}
  // the files being expanded, outermost first; each with its tokens and how far it has been read
  const open: {name: string; path: string; tokens: readonly string[]; next: number}[] = []
  let literal = false
  for (;;) {
    const top = open.at(-1) ?? root
    if (top.next >= top.tokens.length) {
      if (open.length === 0) return out
      open.pop()
      continue
    }
    const arg = top.tokens[top.next++]
    // picocli: `@@x` on the command line is the literal argument `@x`, not a file to expand
    if (!literal && open.length === 0 && arg.startsWith('@@')) {
      out.push(arg.slice(1))
      continue
    }
    if (literal || arg.length < 2 || !arg.startsWith('@')) {
      if (arg === '--') literal = true
      out.push(arg)
      continue
    }
    const name = arg.slice(1)
    const path = resolve(name)
    const chain = open.map((f) => f.name)
    if (open.some((f) => f.path === path)) throw new UsageError(`@${name} includes itself: ${[...chain, name].map((n) => '@' + n).join(' -> ')}`)
    if (open.length >= MAX_DEPTH) throw new UsageError(`@${name}: argument files nest more than ${MAX_DEPTH} deep (from @${chain[0]})`)
    const text = readText(name)
    if (text === undefined) {
      out.push(arg)
      continue
    }
    open.push({name, path, tokens: tokenizeArgumentFile(text), next: 0})
  }
}
