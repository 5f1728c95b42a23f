// Preloaded into benchmarked processes: reports the peak resident set size (KiB) to the file named by
// S10K_BENCH_RSS_FILE when the process exits. On Linux it is VmHWM, this process's own peak: getrusage's maxRSS
// also counts the bench's memory, which a spawned child inherits as its peak (at fork, kept through exec).
const file = process.env.S10K_BENCH_RSS_FILE
function peakKiB() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1])
  } catch {
    // not Linux: the resource usage, which is this process's own there
  }
  return process.resourceUsage().maxRSS
}
if (file) process.on('exit', () => require('node:fs').appendFileSync(file, `${peakKiB()}\n`))
