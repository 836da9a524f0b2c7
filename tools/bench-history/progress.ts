/** A one-line progress bar on stderr: percentage, rows, rows/s and ETA since `startedAt`. */
export function progress(label: string, done: number, total: number, startedAt: number, final = done >= total): void {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = done / Math.max(seconds, 0.001);
  const width = 30;
  const filled = Math.round((done / total) * width);
  const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
  process.stderr.write(
    `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${((done / total) * 100).toFixed(1)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${Math.round(rate).toLocaleString('en')} rows/s ETA ${formatSeconds(eta)}   `,
  );
  if (done >= total && final) process.stderr.write('\n');
}

export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
