import { defineConfig } from '@playwright/test';

// why: the suite a test of the repository kills on purpose, to show its run is reaped once its lease runs out
export default defineConfig({ testDir: './killed', workers: 1, reporter: 'line' });
