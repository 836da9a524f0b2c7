import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  LIVE_FEEDS,
  LIVE_NAMESPACE,
  type LiveClientToServerEvents,
  type LiveFeed,
  type LiveServerToClientEvents,
} from '@convoy/contracts';
import { AuthenticationService, type Principal } from '@convoy/server/auth';
import { AppConfig } from '@convoy/server/config';
import { MessagesService } from '@convoy/server/messages';
import { ConvoyMetrics } from '@convoy/server/metrics';
import { VisitsLive } from '@convoy/server/places';
import { NotificationsFeed } from '@convoy/server/notifications';
import { DriversService, TrackingService } from '@convoy/server/tracking';
import type { Subscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import { LiveRevocations, type LiveServerSideEvents } from './live-revocations';
import { socketAuthMiddleware } from './socket-authentication';
import { socketOriginMiddleware } from './socket-origin';

/** Every signed-in manager sees the whole fleet; a room keeps the door open for per-team feeds. */
export const FLEET_ROOM = 'fleet';
/** Each user's sockets (every tab, every replica through the Redis adapter): their own notifications go only there. */
export const userRoom = (userId: string) => `user:${userId}`;

type LiveNamespace = Namespace<LiveClientToServerEvents, LiveServerToClientEvents, LiveServerSideEvents>;
type LiveSocket = Socket<LiveClientToServerEvents, LiveServerToClientEvents, LiveServerSideEvents>;

/**
 * `/live`: `Origin` checked and the credential authenticated at the handshake, the socket closed
 * (with the reason) when that credential stops being valid; a snapshot on connect, then one `positions` array per
 * committed write, `driver` changes and `visits` (arrivals/departures). With the Redis adapter, emits reach every instance's clients.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, transports: ['websocket', 'polling'] })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly subscriptions: Subscription[] = [];

  @WebSocketServer()
  private readonly namespace!: LiveNamespace;

  constructor(
    private readonly authentication: AuthenticationService,
    private readonly tracking: TrackingService,
    private readonly drivers: DriversService,
    private readonly metrics: ConvoyMetrics,
    private readonly revocations: LiveRevocations,
    private readonly config: AppConfig,
    private readonly visits: VisitsLive,
    private readonly notifications: NotificationsFeed,
    private readonly messages: MessagesService,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    namespace.use(socketOriginMiddleware(this.config));
    namespace.use(socketAuthMiddleware(this.authentication));
    this.revocations.attach(namespace);
    this.subscriptions.push(
      this.tracking.positions$.subscribe(({ positions, receivedAt }) => {
        namespace.to(FLEET_ROOM).emit('positions', positions);
        const now = performance.now();
        for (const at of receivedAt) this.metrics.ingestToBroadcast.observe((now - at) / 1000);
      }),
      this.drivers.changes$.subscribe((change) => namespace.to(FLEET_ROOM).emit('driver', change)),
      // emitted by the replica whose batch committed them; the Redis adapter carries them to the others' sockets
      this.visits.changes$.subscribe((changes) => namespace.to(FLEET_ROOM).emit('visits', changes)),
      this.notifications.created$.subscribe(({ userId, notifications }) => namespace.to(userRoom(userId)).emit('notifications', notifications)),
      this.messages.changes$.subscribe((messages) => namespace.to(FLEET_ROOM).emit('messages', messages)),
    );
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    this.metrics.socketClients.inc();
    socket.once('disconnect', () => this.metrics.socketClients.dec());
    this.revocations.watch(socket);
    try {
      // join first: a write committed meanwhile reaches the client too (it keeps the newest per driver)
      const principal = socket.data.principal as Principal;
      if (requestedFeed(socket) === LIVE_FEEDS.notifications) {
        await socket.join(userRoom(principal.user.id));
        return;
      }
      await socket.join([FLEET_ROOM, userRoom(principal.user.id)]);
      socket.emit('snapshot', await this.drivers.list());
    } catch (error) {
      this.logger.warn(`Could not send the snapshot: ${(error as Error).message}`);
      socket.disconnect(true);
    }
  }

  /**
   * Shutdown: closes every client's transport (not a namespace disconnect, after which Socket.IO
   * clients stay away): they reconnect at once and land on another instance.
   */
  askClientsToReconnect(): number {
    const sockets = [...this.namespace.sockets.values()];
    for (const socket of sockets) socket.conn.close();
    return sockets.length;
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}

/** The handshake's `auth.feed` (LIVE_FEEDS); anything else, or none, is the whole fleet feed. */
function requestedFeed(socket: LiveSocket): LiveFeed {
  const feed: unknown = (socket.handshake.auth as { feed?: unknown } | undefined)?.feed;
  return feed === LIVE_FEEDS.notifications ? LIVE_FEEDS.notifications : LIVE_FEEDS.fleet;
}
