// Makes sure a Chromium is available for Playwright: Debian's /usr/bin/chromium, or Playwright's own.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

if (existsSync('/usr/bin/chromium')) process.exit(0);
let own;
try {
  own = chromium.executablePath();
} catch {
  own = undefined;
}
if (own && existsSync(own)) process.exit(0);
console.error(
  'No Chromium found for the e2e tests.\n' +
    '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
    '  elsewhere:     npx playwright install chromium',
);
process.exit(1);
