import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@convoy/testing';
import { workspacePath } from './support/workspace';

/**
 * docker/healthcheck.mjs is what Docker (HEALTHCHECK), Compose and nothing else runs inside the
 * container: run it here with the same node against a local stand-in for the API.
 */
const SCRIPT = workspacePath('docker/healthcheck.mjs');

function runHealthcheck(port: number, path?: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const args = path ? [SCRIPT, path] : [SCRIPT];
    execFile(process.execPath, args, { env: { PATH: process.env['PATH'], PORT: String(port) }, timeout: 10_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

describe('docker/healthcheck.mjs', () => {
  let server: Server;
  let port: number;
  const requested: string[] = [];
  const statusFor: Record<string, number> = { '/health/live': 200, '/health/ready': 503 };

  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.writeHead(statusFor[request.url ?? ''] ?? 404, { 'content-type': 'application/json' });
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('exits 0 when /health/live (the default) answers 2xx on $PORT', async () => {
    await expect(runHealthcheck(port)).resolves.toEqual({ code: 0, stderr: '' });
    expect(requested[requested.length - 1]).toBe('/health/live');
  });

  it('exits 1 naming the status when the checked path is not healthy', async () => {
    const result = await runHealthcheck(port, '/health/ready');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/health/ready answered 503');
  });

  it('exits 1 when nothing listens', async () => {
    const result = await runHealthcheck(await freePort());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did not answer');
  });
});
