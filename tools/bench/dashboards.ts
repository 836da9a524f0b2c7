// The dashboards process: N Socket.IO clients on /live, like N managers with the map open. Run in
// its own process (forked by dashboards-control.ts) so parsing their traffic does not stall the load
// generator's event loop. Receipt times use the machine's monotonic clock, shared with the parent.
import { io, type Socket } from 'socket.io-client';
import type { DashboardsReply, DashboardsRequest, DashboardStats, DeliveryLatency } from './dashboards-protocol';
import { sequenceOf } from './fleet';
import { mapLimit, monotonicMs } from './lifecycle';
import { Samples, summarize } from './samples';

interface Client {
  socket: Socket;
  /** receipt time (ms after the phase origin) per update of the recorded range; NaN = not received */
  received: Float32Array | null;
}

let clients: Client[] = [];
let origin = 0n;
let positions = 0;
let batches = 0;
let recorded = 0;
let disconnects = 0;
let cpuAtReset = process.cpuUsage();
let range: { fromSeq: number; length: number; phaseOriginMs: number } | null = null;

function onPositions(client: Client, batch: Array<{ longitude: number }>): void {
  const now = monotonicMs(origin);
  batches += 1;
  positions += batch.length;
  const received = client.received;
  if (!range || !received) return;
  const at = now - range.phaseOriginMs;
  for (const position of batch) {
    const i = sequenceOf(position.longitude) - range.fromSeq;
    if (i >= 0 && i < range.length && Number.isNaN(received[i])) {
      received[i] = at;
      recorded += 1;
    }
  }
}

function connectOne(url: string, token: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true, timeout: 10_000 });
    const client: Client = { socket, received: null };
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`dashboard did not get a snapshot within 15 s from ${url}`));
    }, 15_000);
    socket.on('positions', (batch: Array<{ longitude: number }>) => onPositions(client, batch));
    socket.once('snapshot', () => {
      clearTimeout(timer);
      resolve(client);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(new Error(`dashboard could not connect to ${url}: ${error.message}`));
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') disconnects += 1;
    });
  });
}

function stats(): DashboardStats {
  const cpu = process.cpuUsage(cpuAtReset);
  return { clients: clients.length, positions, batches, recorded, disconnects, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function latency(sendTimes: Float64Array, acked: Uint8Array): DeliveryLatency {
  const samples = new Samples(Number.MAX_SAFE_INTEGER);
  let ackedCount = 0;
  for (let i = 0; i < acked.length; i += 1) if (acked[i]) ackedCount += 1;
  let minClientShare = clients.length > 0 ? 1 : 0;
  for (const client of clients) {
    const received = client.received;
    let got = 0;
    if (received) {
      for (let i = 0; i < acked.length; i += 1) {
        if (!acked[i] || Number.isNaN(received[i])) continue;
        samples.add(received[i] - sendTimes[i]);
        got += 1;
      }
    }
    minClientShare = Math.min(minClientShare, ackedCount === 0 ? 0 : got / ackedCount);
    client.received = null;
  }
  range = null;
  const summary = samples.count > 0 ? samples.summary() : summarize(new Float64Array(0));
  const expected = ackedCount * clients.length;
  return {
    clients: clients.length,
    acked: ackedCount,
    deliveredShare: expected === 0 ? 0 : Math.round((summary.count / expected) * 10_000) / 10_000,
    minClientShare: Math.round(minClientShare * 10_000) / 10_000,
    ...summary,
  };
}

async function handle(request: DashboardsRequest): Promise<unknown> {
  switch (request.type) {
    case 'connect':
      origin = BigInt(request.originNs);
      clients = await mapLimit(
        Array.from({ length: request.count }),
        10,
        () => connectOne(request.url, request.token),
      );
      return stats();
    case 'reset-counters':
      positions = 0;
      batches = 0;
      recorded = 0;
      cpuAtReset = process.cpuUsage();
      return stats();
    case 'record':
      range = { fromSeq: request.fromSeq, length: request.length, phaseOriginMs: request.phaseOriginMs };
      for (const client of clients) client.received = new Float32Array(request.length).fill(Number.NaN);
      return stats();
    case 'stats':
      return stats();
    case 'latency':
      return latency(request.sendTimes, request.acked);
    case 'close':
      for (const client of clients) client.socket.close();
      clients = [];
      setTimeout(() => process.exit(0), 50);
      return null;
  }
}

process.on('message', (message: { id: number; request: DashboardsRequest }) => {
  handle(message.request).then(
    (result) => process.send?.({ id: message.id, ok: true, result } satisfies DashboardsReply),
    (error: Error) => process.send?.({ id: message.id, ok: false, error: error.message } satisfies DashboardsReply),
  );
});
// the bench went away (crash, SIGKILL): do not linger
process.on('disconnect', () => process.exit(0));
