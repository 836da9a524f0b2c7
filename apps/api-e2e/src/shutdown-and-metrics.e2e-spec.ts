import type { CreatedLinkResponse } from '@convoy/contracts';
import { ApiClient, connectLive, telegramUser, TEST_ADMIN } from '@convoy/testing';
import { startFreshApi } from './support/fresh-api';
import { startTelegramTestbed } from './support/telegram-api';

describe('graceful shutdown', () => {
  it('drains: readiness 503 first, live clients told to reconnect, then a clean exit', async () => {
    const fresh = await startFreshApi('shutdown', { SHUTDOWN_DRAIN_SECONDS: '2' });
    try {
      const client = new ApiClient(fresh.api.baseUrl);
      const token = (await client.post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN)).body.accessToken;
      const live = await connectLive(fresh.api.baseUrl, token);
      const disconnected = new Promise<string>((resolve) => live.socket.on('disconnect', (reason) => resolve(reason)));
      expect((await client.get('/health/ready')).status).toBe(200);

      fresh.api.process.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      const ready = await client.get<{ error: Record<string, unknown> }>('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error).toHaveProperty('shutdown');
      expect((await client.get('/health/live')).status).toBe(200);

      // a transport close, not a server-side namespace disconnect: Socket.IO clients reconnect by themselves
      expect(await disconnected).toBe('transport close');
      expect(await fresh.api.exited).toBe(0);
      live.close();
    } finally {
      await fresh.close();
    }
  });
});

describe('the log of a routine drain', () => {
  it('says "draining" once at info, no error line per 503 probe, and no ANSI colour codes in production', async () => {
    const fresh = await startFreshApi('drain_log', {
      NODE_ENV: 'production',
      LOG_LEVEL: 'log',
      SHUTDOWN_DRAIN_SECONDS: '2',
      // as in a container: whatever colour settings the test runner has are not passed on
      FORCE_COLOR: undefined,
      NO_COLOR: undefined,
    });
    let stdout = '';
    fresh.api.process.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      const client = new ApiClient(fresh.api.baseUrl);
      expect((await client.get('/health/ready')).status).toBe(200);
      fresh.api.process.kill('SIGTERM');
      // a readiness probe every 100 ms, as a load balancer does, until the server stops answering
      // (kept-alive connections would hold the server's close open: each 503 says `Connection: close`)
      let unready = 0;
      const keptAlive: string[] = [];
      for (;;) {
        const answer = await fetch(`${fresh.api.baseUrl}/health/ready`).catch(() => null);
        if (answer === null) break;
        await answer.arrayBuffer();
        if (answer.status === 503) {
          unready++;
          if (answer.headers.get('connection') !== 'close') keptAlive.push(String(answer.headers.get('connection')));
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await fresh.api.exited).toBe(0);
      expect(unready).toBeGreaterThan(5);
      expect(keptAlive).toEqual([]);

      expect(stdout).not.toContain(String.fromCharCode(27)); // ESC starts every ANSI colour code
      const lines = stdout.split('\n').filter((line) => line.startsWith('{'));
      const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
      const afterSignal = entries.slice(entries.findIndex((e) => e.msg.includes('SIGTERM received')));
      expect(afterSignal.filter((e) => e.level >= 50)).toEqual([]); // pino: 50 = error
      const draining = afterSignal.filter((e) => /drain/i.test(e.msg));
      expect(draining).toHaveLength(1);
      expect(draining[0]).toMatchObject({ level: 30, draining: true, seconds: 2 }); // 30 = info
    } finally {
      await fresh.close();
    }
  });
});

describe('metrics', () => {
  it('exposes Prometheus metrics that count what was ingested', async () => {
    const bed = await startTelegramTestbed('metrics', 'webhook');
    try {
      const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Counted' });
      const driver = telegramUser();
      await bed.telegram.waitForDelivered(bed.telegram.pushUpdate(bed.updates.command(driver, '/start', link.body.token)));
      const start = bed.telegram.pushUpdate(bed.updates.liveLocationStart(driver, { latitude: 50, longitude: 14, live_period: 600 }));
      const edits = [1, 2, 3].map((i) =>
        bed.telegram.pushUpdate(bed.updates.liveLocationEdit(driver, start, { latitude: 50 + i / 1000, longitude: 14, edit_date: start.message.date + i })),
      );
      for (const update of [start, ...edits]) await bed.telegram.waitForDelivered(update);
      bed.telegram.pushUpdate(bed.updates.location(driver, { latitude: 95, longitude: 14 }));
      await bed.telegram.waitForDelivered({ count: 6 });

      const response = await fetch(`${bed.api.baseUrl}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('convoy_positions_ingested_total{source="telegram-live",outcome="stored"} 4');
      expect(text).toContain('convoy_positions_ingested_total{source="telegram-checkin",outcome="invalid"} 1');
      expect(text).toMatch(/convoy_ingest_to_broadcast_seconds_count 4\b/);
      expect(text).toMatch(/convoy_writer_batch_rows_sum 4\b/);
      expect(text).toContain('convoy_bot_mode{mode="webhook"} 1');
      expect(text).toMatch(/convoy_http_request_duration_seconds_count\{method="POST",route="\/telegram\/webhook",status="200"\} \d+/);
      expect(text).toMatch(/convoy_database_pool_connections\{state="total"\} \d+/);
      expect(text).toContain('convoy_process_resident_memory_bytes');
    } finally {
      await bed.close();
    }
  });
});
