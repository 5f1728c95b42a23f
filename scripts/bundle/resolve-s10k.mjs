// A module resolution hook (node:module register) s10k installs when user plugins exist: `import 's10k'` from a
// plugin anywhere on disk resolves to this s10k's plugin API, the instance the CLI itself runs.
const API = new URL('./index.mjs', import.meta.url).href

export async function resolve(specifier, context, next) {
  if (specifier === 's10k') return {url: API, shortCircuit: true}
  return next(specifier, context)
}
