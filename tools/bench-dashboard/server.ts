import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { LiveServerToClientEvents, MeResponse, PublicConfigDto } from '@convoy/contracts';
import { Server as SocketServer, type Namespace } from 'socket.io';
import { fakeTilePng } from '../../apps/dashboard-e2e/src/support/tile-png';
import type { SimDriver } from './fleet-data';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export interface BenchServer {
  baseUrl: string;
  live: Namespace<Record<string, never>, LiveServerToClientEvents>;
  /** Dashboards currently connected to /live. */
  clients(): number;
  close(): Promise<void>;
}

/**
 * Plays the Convoy API for one dashboard: the built SPA, `/api/auth/me`, `/api/config`,
 * `/api/drivers`, map tiles, and a real Socket.IO `/live` namespace that sends the snapshot on connect.
 */
export async function startBenchServer(browserDir: string, fleet: readonly SimDriver[]): Promise<BenchServer> {
  const me: MeResponse = { user: { id: 'bench', email: 'bench@convoy.test', role: 'admin' }, via: 'session' };
  const config: PublicConfigDto = {
    version: 'bench',
    tileUrl: '/tiles/{z}/{x}/{y}.png',
    tileAttribution: '&copy; OpenStreetMap contributors (bench tiles)',
    botEnabled: true,
    botUsername: 'convoy_bench_bot',
    liveWithinSeconds: 60,
  };
  const snapshot = () => fleet.map((driver) => driver.dto);

  const http: HttpServer = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api/auth/me') return json(res, me);
    if (path === '/api/config') return json(res, config);
    if (path === '/api/drivers') return json(res, snapshot());
    const driverRoute = path.match(/^\/api\/drivers\/([^/]+)(\/positions)?$/);
    if (driverRoute) {
      const driver = fleet.find((d) => d.dto.id === driverRoute[1]);
      if (!driver) return json(res, { statusCode: 404, error: 'Not Found', message: 'No such driver' }, 404);
      if (!driverRoute[2]) return json(res, driver.dto);
      const now = new Date().toISOString();
      const positions = driver.dto.lastPosition ? [driver.dto.lastPosition] : [];
      return json(res, { driverId: driver.dto.id, from: now, to: now, total: positions.length, downsampled: false, positions });
    }
    if (path.startsWith('/tiles/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
      return res.end(fakeTilePng());
    }
    return serveStatic(browserDir, path, req, res);
  });
  const io = new SocketServer(http, { transports: ['websocket'], serveClient: false });
  const live = io.of('/live') as unknown as Namespace<Record<string, never>, LiveServerToClientEvents>;
  live.on('connection', (socket) => socket.emit('snapshot', snapshot()));

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    live,
    clients: () => live.sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        io.close();
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Files of the built dashboard; unknown paths get index.html (the SPA routes them). */
function serveStatic(root: string, path: string, _req: IncomingMessage, res: ServerResponse): void {
  const safe = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, safe);
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}
