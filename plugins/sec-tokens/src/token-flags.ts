import {Flags, type Interfaces, enumFlag, listFlag, oneOf} from 's10k'

import {TOKEN_TYPES} from './tokens.js'

/** Options that more than one sec-tokens command takes, defined once. */

export const tokenIdFlag = (summary: string) => Flags.string({aliases: ['id'], required: true, helpValue: 'tokenId', summary})

export const tokenIdsFlag = (summary: string) => listFlag((value) => value, {aliases: ['id'], helpValue: 'tokenId[,tokenId...]', summary})

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
