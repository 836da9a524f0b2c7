import { ConvoyMetrics } from './convoy-metrics';

describe('ConvoyMetrics', () => {
  it('exposes Convoy instruments and process metrics in the Prometheus text format', async () => {
    const metrics = new ConvoyMetrics();
    metrics.positionsIngested.inc({ source: 'telegram-live', outcome: 'stored' }, 3);
    metrics.writerBatchSize.observe(3);
    const text = await metrics.registry.metrics();
    expect(text).toContain('# TYPE convoy_positions_ingested_total counter');
    expect(text).toContain('convoy_positions_ingested_total{source="telegram-live",outcome="stored"} 3');
    expect(text).toContain('convoy_writer_batch_rows_count 1');
    expect(text).toContain('convoy_process_resident_memory_bytes');
  });

  it('keeps each instance in its own registry (no global state between apps in one process)', async () => {
    const a = new ConvoyMetrics();
    const b = new ConvoyMetrics();
    a.socketClients.set(5);
    expect(await b.registry.getSingleMetricAsString('convoy_socket_clients')).toContain('convoy_socket_clients 0');
  });
});
