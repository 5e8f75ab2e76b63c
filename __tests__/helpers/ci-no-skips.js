/**
 * A jest reporter: under CI=true a skipped test is a failure, whatever skipped it (describe.skip for a
 * missing tool, test.skip, an `if` around a test). Runs filtered with -t are exempt: their other tests are
 * reported as skipped by design.
 */
export default class CiNoSkips {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
    this.error = undefined;
  }
  onRunComplete(_contexts, results) {
    if (process.env.CI !== 'true' || this.globalConfig.testNamePattern) return;
    const skipped = [];
    for (const file of results.testResults)
      for (const t of file.testResults) if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') skipped.push(`${file.testFilePath}: ${t.fullName}`);
    if (!skipped.length) return;
    const message = `CI=true: ${skipped.length} test(s) skipped, which counts as a failure here:\n  ${skipped.slice(0, 50).join('\n  ')}`;
    process.stderr.write(`\n${message}\n`);
    this.error = new Error(message);
  }
  getLastError() {
    return this.error;
  }
}
