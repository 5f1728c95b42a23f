import {Flags, type Interfaces, enumFlag, invalidValue, listFlag, oneOf} from 's10k'

import {TOKEN_TYPES} from './tokens.js'

/** Options that more than one sec-tokens command takes, defined once. */

/** One token ID: not empty, and without the commas or white space that would make it several (or none). */
export function tokenId(value: string, flag: string): string {
  if (value === '') throw invalidValue(flag, 'a token ID is needed, not an empty value')
  if (value.includes(',')) throw invalidValue(flag, `one token ID at a time, but '${value}' is a list`)
  if (/[\s\p{Cc}]/u.test(value)) throw invalidValue(flag, `a token ID has no spaces or control characters: '${value}'`)
  return value
}

export const tokenIdFlag = (summary: string): Interfaces.OptionFlag<string> =>
  Flags.custom({parse: async (input, _context, opt) => tokenId(input, opt.name)})({
    aliases: ['id'],
    required: true,
    helpValue: 'tokenId',
    summary,
  })

export const tokenIdsFlag = (summary: string) => listFlag(tokenId, {aliases: ['id'], helpValue: 'tokenId[,tokenId...]', summary})

const typeText = (summary: string) => ({char: 't', helpValue: '<tokenType>', summary: `${summary}, ${oneOf(TOKEN_TYPES)}`, description: ''}) as const

/** `--type`, whose help names the token types (the summary ends with `one of ReadNodeData or User`). */
export const tokenTypeFlag = (summary: string): Interfaces.OptionFlag<string | undefined> => enumFlag(TOKEN_TYPES, typeText(summary))

export const requiredTokenTypeFlag = (summary: string): Interfaces.OptionFlag<string> => enumFlag(TOKEN_TYPES, {...typeText(summary), required: true})

export const statusFlags = (active: string, disabled: string) => ({
  active: Flags.boolean({char: 'a', exclusive: ['disabled'], summary: active}),
  disabled: Flags.boolean({char: 'd', exclusive: ['active'], summary: disabled}),
})

/** `-m` is the Java tool's letter for the name; `-n` the seed page's. */
export const tokenInfoFlags = {
  name: Flags.string({char: 'n', charAliases: ['m'], helpValue: '<name>', summary: 'a brief name for the token'}),
  description: Flags.string({char: 'D', helpValue: '<description>', summary: 'a description for the token'}),
}
