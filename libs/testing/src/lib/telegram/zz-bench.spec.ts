import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotApiDouble } from './bot-api-double';
import { TelegramUpdateFactory, telegramUser } from './telegram-updates';
it('bench', async () => {
  const d = new BotApiDouble(); await d.start();
  const server = createServer((req, res) => { req.resume(); req.on('end', () => res.end()); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  await fetch(`${d.apiRoot}/bot${d.token}/setWebhook`, { method: 'POST', headers: {'content-type':'application/json'}, body: JSON.stringify({ url, max_connections: 100 }) });
  const f = new TelegramUpdateFactory({ messageIds: d });
  const users = Array.from({ length: 200 }, () => telegramUser());
  const t0 = Date.now();
  for (let i = 0; i < 10000; i++) d.pushUpdate(f.liveLocationStart(users[i % 200], { latitude: 1, longitude: 2, live_period: 60 }));
  await d.waitForDelivered({ count: 10000 }, 60000);
  console.log('10k delivered in', Date.now() - t0, 'ms');
  await d.stop(); server.closeAllConnections(); server.close();
}, 70000);
