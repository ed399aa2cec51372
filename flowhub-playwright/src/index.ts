/**
 * A Playwright Test fixture for FlowHub Jobs, in the shape of the pytest plugin: every worker gets a test run of
 * its own (`flowhubRun.runId`), the header that puts a call under it (`flowhubRun.headers`), test users of the run
 * (`await flowhubRun.user("EDITOR")`: `_id`, `email`, `role`, `token`), a lease renewed while the worker lives (so a
 * killed worker's data goes once the lease runs out), and the run's cleanup after the worker, which fails when
 * its receipt finds anything left. Settings: FLOWHUB_URL and FLOWHUB_INTERNAL_KEY.
 */
import { test as base, request as requests, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';

export interface TestUser {
  _id: string;
  email: string;
  name: string;
  role: 'EDITOR' | 'VIEWER' | 'ADMIN';
  run_id?: string;
  token: string;
}

export interface FlowHubRun {
  readonly url: string;
  readonly runId: string;
  readonly headers: Record<string, string>;
  user(role?: TestUser['role']): Promise<TestUser>;
}

const DEFAULT_URL = 'http://localhost:8080';
const DEFAULT_KEY = 'flowhub-secret-automation-key-2025';

class Run implements FlowHubRun {
  readonly headers: Record<string, string>;

  constructor(readonly url: string, readonly runId: string, private readonly api: APIRequestContext) {
    this.headers = { 'X-FlowHub-Run': runId };
  }

  async user(role: TestUser['role'] = 'EDITOR'): Promise<TestUser> {
    return (await this.call('POST', '/api/v1/internal/users', { role })).data as TestUser;
  }

  async lease(seconds: number): Promise<void> {
    await this.call('PUT', `/api/v1/internal/runs/${encodeURIComponent(this.runId)}`, { ttl_seconds: seconds });
  }

  /** Hard-deletes the run and answers its erasure receipt. */
  async cleanup(): Promise<{ verified: boolean; remaining: unknown }> {
    const cleaned = await this.call('DELETE', `/api/v1/internal/runs/${encodeURIComponent(this.runId)}`);
    return (await this.call('GET', `/api/v1/internal/jobs/${cleaned.job_id}/receipt`)).data;
  }

  private async call(method: string, path: string, body?: unknown): Promise<any> {
    const response = await this.api.fetch(this.url + path, { method, data: body, headers: this.headers });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok()) {
      throw new Error(`${method} ${path} answered ${response.status()}: ${answer.detail ?? JSON.stringify(answer)}`);
    }
    return answer;
  }
}

export const test = base.extend<{}, { flowhubRun: FlowHubRun }>({
  flowhubRun: [async ({}, use, workerInfo) => {
    const url = (process.env.FLOWHUB_URL ?? DEFAULT_URL).replace(/\/$/, '');
    const key = process.env.FLOWHUB_INTERNAL_KEY ?? DEFAULT_KEY;
    const leaseSeconds = Number(process.env.FLOWHUB_LEASE_SECONDS ?? 600);
    const api = await requests.newContext({ extraHTTPHeaders: { 'x-internal-key': key } });
    const run = new Run(url, `playwright-w${workerInfo.workerIndex}-${randomUUID().slice(0, 12)}`, api);
    await run.lease(leaseSeconds);
    const renewal = setInterval(() => run.lease(leaseSeconds).catch(() => undefined),
      Math.max(1, Math.floor(leaseSeconds / 3)) * 1000);
    try {
      await use(run);
    } finally {
      clearInterval(renewal);
      const receipt = await run.cleanup();
      await api.dispose();
      if (!receipt.verified) {
        throw new Error(`FlowHub run ${run.runId} is not gone after its cleanup: ${JSON.stringify(receipt.remaining)}`);
      }
    }
  }, { scope: 'worker' }],
});

export { expect } from '@playwright/test';
