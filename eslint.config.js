// ESLint: typescript-eslint's strict type-checked rules for the TypeScript, the recommended rules for the
// JavaScript scripts. `npm run lint` runs this and Prettier; `npm test` runs lint.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/', 'plugins/*/dist/', 'node_modules/', 'coverage/']},
  js.configs.recommended,
  {languageOptions: {globals: globals.node}},
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {parserOptions: {project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname}},
    rules: {
      // numbers and booleans in messages are written as they are
      '@typescript-eslint/restrict-template-expressions': ['error', {allowNumber: true, allowBoolean: true}],
      // oclif's flag parsers and hooks are async by signature, whether or not an implementation awaits
      '@typescript-eslint/require-await': 'off',
      // node:test's describe() and it() return promises that the runner itself awaits
      '@typescript-eslint/no-floating-promises': [
        'error',
        {allowForKnownSafeCalls: [{from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test'}]},
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // a test states what it expects of a value it just made; a wrong guess fails the test anyway
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
)
