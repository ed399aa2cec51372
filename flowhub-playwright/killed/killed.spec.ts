// A worker killed mid-run, as a cancelled CI job is: its run is left to its lease, which runs out, and the reaper
// cleans it up. Run on its own by the repository's Java test (playwright.killed.config.ts), with a short lease.
import { appendFileSync } from 'node:fs';
import { test, expect } from '../src/index';

test('killed after creating its data', async ({ flowhubRun, request }) => {
  const editor = await flowhubRun.user('EDITOR');
  const created = await request.post(`${flowhubRun.url}/api/v1/items`, {
    data: { name: 'left behind' }, headers: { Authorization: `Bearer ${editor.token}`, ...flowhubRun.headers } });
  expect(created.status()).toBe(201);
  appendFileSync(process.env.FLOWHUB_SAMPLE_RUNS!, flowhubRun.runId + '\n');
  process.kill(process.ppid, 'SIGKILL');
  process.kill(process.pid, 'SIGKILL');
});
