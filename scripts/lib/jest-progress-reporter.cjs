// A Jest reporter that writes each test file's start and result as it happens (one JSON line
// each), so `npm test` can still tally a run it had to stop: Jest's own --json report is only
// written at the end, and a synchronous hang in a test (beyond Jest's timeouts) never gets there.
const fs = require('node:fs');

class ProgressReporter {
  constructor() {
    // Jest's command line cannot pass reporter options: the file comes from the environment.
    // Unset outside `npm test` (a contributor's own jest run): then it writes nothing.
    this.file = process.env.JEST_PROGRESS_FILE;
    if (this.file) fs.writeFileSync(this.file, '');
  }

  write(entry) {
    if (this.file) fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  onTestFileStart(test) {
    this.write({ event: 'start', path: test.path });
  }

  onTestFileResult(test, result) {
    this.write({
      event: 'result',
      path: test.path,
      passed: result.numPassingTests,
      failed: result.numFailingTests,
      // A file that failed to run (syntax error, failing beforeAll) has no failed tests of its own.
      broken: result.testExecError !== undefined && result.numFailingTests === 0,
    });
  }
}

module.exports = ProgressReporter;
