import { defineConfig, devices } from '@playwright/test';

// The server under test: the binary cargo-leptos built, on a fresh SQLite
// database with the demo data (`--demo` loads it into the empty database), on
// its own port.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const binary = process.env.E2E_SERVER_BIN ?? '../target/debug/server';
const dbFile = process.env.E2E_DB ?? `target/e2e/mvno-${process.pid}.db`;
// The server writes its e-mails (signup links) here; the tests read them.
// Set once by the runner, so its workers read the folder the server writes.
process.env.E2E_MAIL_DIR ??= `target/e2e/mail-${process.pid}`;
const mailDir = process.env.E2E_MAIL_DIR;

// Debian's Chromium; Playwright's own browser download is not available here.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  // The browser asks for English (`Accept-Language`), so the tests read the
  // portal's English; a test file that reads its Danish sets `locale: 'da-DK'`.
  projects: [
    { name: 'js', use: { ...devices['Desktop Chrome'], javaScriptEnabled: true, locale: 'en-GB' } },
    // Tests tagged @js are about the hydrated page only (without JavaScript
    // each step is a page of its own): the nojs project does not list them.
    {
      name: 'nojs',
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, locale: 'en-GB' },
      grepInvert: /@js/,
    },
  ],
  webServer: {
    command: `rm -f ${dbFile} ${dbFile}-wal ${dbFile}-shm && mkdir -p target/e2e && ${binary.replace('../', '')} serve --demo`,
    cwd: '..',
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_URL: `sqlite://${dbFile}?mode=rwc`,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: 'target/site',
      RUST_LOG: 'warn',
      ACTIVATION_DELAY_SECS: '2',
      MVNO_MAIL_DIR: mailDir,
      // The whole suite signs in and signs up from one address.
      MVNO_SIGN_IN_BURST: '1000',
      MVNO_SIGNUP_BURST: '1000',
    },
  },
});
