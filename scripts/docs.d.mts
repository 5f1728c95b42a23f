// Types of docs.mjs, for the tests that import it.
export const ROOT: string
export function generateDocs(): Promise<Map<string, string>>
export function wrapSynopsis(command: string, synopsis: string, breakBefore?: readonly string[]): string
