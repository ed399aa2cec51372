import { appendFileSync } from 'node:fs';
import { test, expect } from '../src/index';

test.beforeEach(({ flowhubRun }) => {
  // why: the Java test that runs this suite checks afterwards that each worker's run is gone
  if (process.env.FLOWHUB_SAMPLE_RUNS) {
    appendFileSync(process.env.FLOWHUB_SAMPLE_RUNS, flowhubRun.runId + '\n');
  }
});

for (const name of ['apple', 'pear', 'plum']) {
  test(`an editor's ${name} belongs to the run`, async ({ flowhubRun, request }) => {
    const editor = await flowhubRun.user('EDITOR');

    const created = await request.post(`${flowhubRun.url}/api/v1/items`, {
      data: { name, tags: ['playwright'] },
      headers: { Authorization: `Bearer ${editor.token}`, ...flowhubRun.headers },
    });

    expect(created.status()).toBe(201);
    expect((await created.json()).data.run_id).toBe(flowhubRun.runId);
  });
}

test('a viewer reads but may not create', async ({ flowhubRun, request }) => {
  const viewer = await flowhubRun.user('VIEWER');
  const headers = { Authorization: `Bearer ${viewer.token}`, ...flowhubRun.headers };

  const listed = await request.get(`${flowhubRun.url}/api/v1/items`, { headers });
  const refused = await request.post(`${flowhubRun.url}/api/v1/items`, { data: { name: 'no' }, headers });

  expect(viewer.role).toBe('VIEWER');
  expect(listed.status()).toBe(200);
  expect(refused.status()).toBe(403);
});
