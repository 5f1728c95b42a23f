/**
 * Objects built from keys s10k does not choose (metadata, service answers, configuration files): `__proto__`,
 * `constructor` and `prototype` are keys like any other, so these read and write own properties only, never a
 * prototype's.
 */

/** The own property `key` of `object`, or undefined: nothing inherited. */
export function ownValue<T>(object: {readonly [key: string]: T}, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined
}

/** Sets `key` as an own data property, even `__proto__` (an assignment would replace the object's prototype). */
export function setOwn<T>(object: {[key: string]: T}, key: string, value: T): void {
  // only `__proto__` has a setter on Object.prototype; any other key assigns an own property, and faster
  if (key === '__proto__') Object.defineProperty(object, key, {value, writable: true, enumerable: true, configurable: true})
  else object[key] = value
}
