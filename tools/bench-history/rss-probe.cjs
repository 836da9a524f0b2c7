// preload: on SIGUSR2 write memory facts to MEMPROBE_OUT (JSON lines)
const fs = require('fs');
const v8 = require('v8');
const path = require.resolve('pg-protocol/dist/parser', { paths: [process.cwd()] });
const { Parser } = require(path);
const parsers = new Set();
const origParse = Parser.prototype.parse;
Parser.prototype.parse = function (buffer, cb) { if (!this.__t) { this.__t = 1; parsers.add(new WeakRef(this)); } return origParse.call(this, buffer, cb); };
const mb = (n) => Math.round(n / 1048576 * 10) / 10;
function facts() {
  const m = process.memoryUsage();
  let parserBuf = 0, readerBuf = 0, n = 0;
  for (const r of parsers) { const p = r.deref(); if (!p) { parsers.delete(r); continue; } n++; parserBuf += p.buffer.byteLength; readerBuf += p.reader.buffer.byteLength; }
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), parsers: n, parserBufMiB: mb(parserBuf), readerBufMiB: mb(readerBuf),
    spaces: Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_size)])) };
}
process.on('SIGUSR2', () => {
  const before = facts();
  if (global.gc) global.gc();
  const after = facts();
  fs.appendFileSync(process.env.MEMPROBE_OUT, JSON.stringify({ before, afterGc: after }) + '\n');
});
