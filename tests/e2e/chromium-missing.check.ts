import { test } from '@playwright/test';

// Selected by playwright.config.ts instead of the browser-host specs when Chromium is absent,
// so the run says why nothing was tested instead of passing silently.
test('browser-host end-to-end tests', () => {
  test.skip(true, 'Debian Chromium is not installed at /usr/bin/chromium (set PARALLAX_CHROMIUM to another path); CI installs it with `apt-get install chromium`.');
});
