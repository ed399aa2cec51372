import { defineConfig } from '@playwright/test';

// why: API tests only: no browser is launched, so none is downloaded
export default defineConfig({
  testDir: './tests',
  workers: 2,
  fullyParallel: true,
  reporter: 'line',
});
