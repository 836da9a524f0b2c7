// The minimal pipeline (../shared/PERFORMANCE.md): what this box can do for Convoy's hot path with no
// framework — plain node:http + pg + socket.io. Parses the same Telegram webhook JSON, validates the
// point, group-commits it (minimal-writer.ts), answers 200 after the commit, and emits ONE `positions`
// array per commit to the dashboards on /live. Forked by minimal-target.ts; says {ready} over IPC.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Client, Pool } from 'pg';
import { Server } from 'socket.io';
import { MinimalWriter, type MinimalRow } from './minimal-writer';

const MAX_BODY_BYTES = 1024 * 1024;
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`minimal pipeline: ${name} is not set`);
  return value;
};
const port = Number(env('MINIMAL_PORT'));
const secret = env('MINIMAL_WEBHOOK_SECRET');
const dashboardToken = env('MINIMAL_DASHBOARD_TOKEN');

interface TelegramLocation {
  latitude?: unknown;
  longitude?: unknown;
  horizontal_accuracy?: unknown;
  heading?: unknown;
}
interface TelegramMessage {
  date?: unknown;
  edit_date?: unknown;
  from?: { id?: unknown };
  chat?: { type?: unknown };
  location?: TelegramLocation;
  venue?: unknown;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The stored row, or null when the update carries no usable location (ignored, answered 200). */
function toRow(update: Record<string, unknown>, driverId: string | undefined): MinimalRow | null {
  const message = (update['message'] ?? update['edited_message']) as TelegramMessage | undefined;
  const location = message?.location;
  if (!driverId || !location || message.venue !== undefined || message.chat?.type !== 'private') return null;
  const { latitude, longitude, horizontal_accuracy: accuracy, heading } = location;
  if (!finite(latitude) || !finite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  if (accuracy !== undefined && (!finite(accuracy) || accuracy < 0 || accuracy > 1500)) return null;
  if (heading !== undefined && (!finite(heading) || heading < 1 || heading > 360)) return null;
  const at = finite(message.edit_date) ? message.edit_date : message.date;
  if (!finite(at) || at * 1000 > Date.now() + 120_000) return null;
  return {
    driverId,
    latitude,
    longitude,
    accuracy: (accuracy as number | undefined) ?? null,
    heading: (heading as number | undefined) ?? null,
    recordedAt: new Date(at * 1000),
    source: 'telegram-live',
    telegramUpdateId: update['update_id'] as number,
  };
}

async function main(): Promise<void> {
  let stopping = false;
  const lost = (error: Error) => {
    if (stopping) return;
    console.error(`minimal pipeline: lost Postgres (${error.message})`);
    process.exit(1);
  };
  const db = new Client({ connectionString: env('DATABASE_URL') });
  db.on('error', lost);
  await db.connect();
  // lookups off the hot path (unknown users, dashboard snapshots) get their own small pool
  const lookup = new Pool({ connectionString: env('DATABASE_URL'), max: 2 });
  lookup.on('error', lost);

  // Telegram user → driver, loaded once; a user we do not know yet is looked up once
  const drivers = new Map<number, string>();
  const known = await lookup.query<{ id: string; telegram_user_id: string }>(
    'SELECT id, telegram_user_id FROM drivers WHERE telegram_user_id IS NOT NULL',
  );
  for (const row of known.rows) drivers.set(Number(row.telegram_user_id), row.id);
  const driverOf = async (userId: unknown): Promise<string | undefined> => {
    if (typeof userId !== 'number') return undefined;
    const cached = drivers.get(userId);
    if (cached) return cached;
    const found = await lookup.query<{ id: string }>('SELECT id FROM drivers WHERE telegram_user_id = $1', [userId]);
    if (found.rows[0]) drivers.set(userId, found.rows[0].id);
    return found.rows[0]?.id;
  };

  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => void handle(req, res));
  const io = new Server(server, { transports: ['websocket', 'polling'] });
  const live = io.of('/live');
  live.use((socket, next) => next(socket.handshake.auth?.['token'] === dashboardToken ? undefined : new Error('unauthorized')));
  live.on('connection', (socket) => {
    lookup
      .query('SELECT id, name, last_latitude, last_longitude, last_recorded_at FROM drivers')
      .then((result) => socket.emit('snapshot', result.rows))
      .catch(() => socket.disconnect(true));
  });

  const writer = new MinimalWriter(db, (rows) =>
    live.emit(
      'positions',
      rows.map((r) => ({
        driverId: r.driverId,
        latitude: r.latitude,
        longitude: r.longitude,
        accuracy: r.accuracy,
        heading: r.heading,
        speed: null,
        recordedAt: r.recordedAt.toISOString(),
        source: r.source,
      })),
    ),
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = (status: number, body = '{}') => {
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (req.method !== 'POST' || req.url !== '/telegram/webhook') return answer(404, '{"error":"not found"}');
    if (req.headers['x-telegram-bot-api-secret-token'] !== secret) {
      req.resume();
      return answer(403, '{"error":"forbidden"}');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return answer(413, '{"error":"too large"}');
      chunks.push(chunk);
    }
    let update: Record<string, unknown>;
    try {
      update = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(400, '{"error":"not json"}');
    }
    if (!update || typeof update !== 'object' || !Number.isSafeInteger(update['update_id'])) return answer(400, '{"error":"not an update"}');
    try {
      const message = (update['message'] ?? update['edited_message']) as TelegramMessage | undefined;
      const row = toRow(update, message?.location ? await driverOf(message.from?.id) : undefined);
      if (row) await writer.write(row);
      answer(200);
    } catch (error) {
      process.stderr.write(`minimal pipeline: not stored: ${(error as Error).message}\n`);
      answer(500, '{"error":"not stored"}');
    }
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.send?.({ ready: true });

  const shutdown = async () => {
    stopping = true;
    io.close();
    server.closeAllConnections();
    await writer.flushed();
    await Promise.allSettled([db.end(), lookup.end()]);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  process.on('disconnect', () => void shutdown());
}

main().catch((error) => {
  console.error(`minimal pipeline failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
