// Sums passed/failed tests from vitest JSON and Playwright JSON reports. Prints "passed failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    failed++;
    continue;
  }
  if (typeof data.numPassedTests === 'number') {
    passed += data.numPassedTests;
    failed += data.numFailedTests ?? 0;
  } else if (data.stats) {
    passed += (data.stats.expected ?? 0) + (data.stats.flaky ?? 0);
    failed += data.stats.unexpected ?? 0;
  }
}
console.log(`${passed} ${failed}`);
