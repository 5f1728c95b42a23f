import {Flags, type IOStreams, type Interfaces, S10kError, UsageError, integerItem, invalidValue, listFlag, readFileText} from 's10k'

/** One node ID: a whole number (the Java tool's Long). */
export function nodeId(value: string, flag: string): number {
  if (value.includes(',')) throw invalidValue(flag, `one node ID, but '${value}' is a list`)
  const id = integerItem(value.trim(), flag)
  if (id <= 0) throw invalidValue(flag, `'${value}' is not a node ID`)
  return id
}

export const nodeIdFlag = (summary: string): Interfaces.OptionFlag<number> =>
  Flags.custom<number>({parse: async (input, _context, opt) => nodeId(input, opt.name)})({
    aliases: ['node'],
    required: true,
    helpValue: '<nodeId>',
    summary,
  })

export const nodeIdsFlag = (summary: string, required = false) =>
  listFlag((value, name) => nodeId(value, name), {aliases: ['node'], helpValue: 'nodeId[,nodeId...]', summary, required})

/**
 * The content argument of `meta save` and `meta csv-set`: the text itself; `@path`, a file read as UTF-8 (written
 * `@@path` on the command line, since `@path` is an argument file); or, when it is missing and standard input is
 * not a terminal, all of standard input, which is content as it is, never a file name (text that starts with `@`
 * included). Files are limited as standard input is. Problems are usage errors, before anything is sent.
 */
export async function readContent(arg: string | undefined, io: IOStreams, what: string): Promise<string> {
  let text = arg
  if (text?.startsWith('@')) text = readContentFile(text.slice(1), what)
  else if ((text === undefined || text.trim() === '') && !io.stdinIsTerminal) text = await io.readInput()
  if (text === undefined || text.trim() === '') {
    throw new UsageError(`No ${what} provided: give it as an argument, as @@file, or on standard input`)
  }
  return text
}

function readContentFile(path: string, what: string): string {
  try {
    return readFileText(path, `The ${what} file ${path}`)
  } catch (error) {
    if (error instanceof S10kError) throw error
    throw new UsageError(`Cannot read the ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}
