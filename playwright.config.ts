import { defineConfig, devices } from '@playwright/test';
import { BASE_URL, CHROMIUM_ARGS, PREVIEW_PORT, chromiumExecutable } from './e2e/browser';

const executablePath = chromiumExecutable();

// Browser tests run against the production build (`vite build` + `vite preview`): the service
// worker only exists there. `npm test` builds before it runs these.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) } } },
    { name: 'pixel-7', use: { ...devices['Pixel 7'], launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) } } },
  ],
  webServer: {
    command: `npx vite preview --port ${PREVIEW_PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
