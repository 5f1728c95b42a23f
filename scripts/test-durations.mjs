// A reporter for node's test runner (scripts/test.mjs gives it beside spec): the time each test file's top-level
// tests took, in ms, as one JSON object by file path. scripts/test.mjs groups the next run's files by these times.
export default async function* durations(source) {
  const byFile = {}
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      byFile[event.data.file] = (byFile[event.data.file] ?? 0) + event.data.details.duration_ms
    }
  }
  yield `${JSON.stringify(byFile)}\n`
}
