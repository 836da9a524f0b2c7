#!/usr/bin/env bash
# A month of 1-second points for one driver (2.6 M rows), then the time of one day's trips/stops/summary
# report through the built API. Needs DATABASE_URL (a server to create a scratch database on) and
# `nx build api` (API_MAIN=path runs another build, e.g. a copy of an older one; LABEL=text is stored with the figures). Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres tools/bench-reports/run.sh
set -euo pipefail
DB=convoy_bench_reports_$$
SERVER=${DATABASE_URL%/*}
psql "$DATABASE_URL" -qc "CREATE DATABASE $DB"
cleanup() { kill "${API_PID:-0}" 2>/dev/null || true; wait "${API_PID:-0}" 2>/dev/null || true; psql "$DATABASE_URL" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"; }
trap cleanup EXIT
PORT=$((20000 + RANDOM % 20000))
DATABASE_URL="$SERVER/$DB" PORT=$PORT HOST=127.0.0.1 NODE_ENV=test APP_SECRET=$(printf 'x%.0s' {1..32}) \
  ADMIN_EMAIL=bench@convoy.test ADMIN_PASSWORD=bench-password-1 DEMO_FLEET=0 LOG_LEVEL=warn \
  node "${API_MAIN:-dist/apps/api/main.js}" > /tmp/convoy-bench-reports.log 2>&1 &
API_PID=$!
until curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null; do sleep 0.3; done
# one driver: 30 days of 1-s points driving a loop (10 min moving at ~36 km/h, 5 min parked), plus 20 places
psql "$SERVER/$DB" -q <<'SQL'
INSERT INTO drivers (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'Bench');
INSERT INTO positions (driver_id, latitude, longitude, accuracy, speed, recorded_at, source)
SELECT '00000000-0000-4000-8000-000000000001',
       52.5 + (CASE WHEN s % 900 < 600 THEN (s % 900) ELSE 600 END) * 10 / 111195.0,
       13.4, 8, CASE WHEN s % 900 < 600 THEN 10 ELSE 0 END,
       timestamptz '2026-11-01 00:00:00+00' + s * interval '1 second', 'osmand'
  FROM generate_series(0, 30 * 86400 - 1) AS s;
INSERT INTO places (name, kind, center_lat, center_lon, radius_m)
SELECT 'Place ' || i, 'customer', 52.5 + i * 0.01, 13.4, 100 FROM generate_series(1, 20) AS i;
ANALYZE positions;
SQL
TOKEN=$(curl -s "http://127.0.0.1:$PORT/api/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench@convoy.test","password":"bench-password-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
# RUNS (10) runs of each report for one day (86,400 points), then the figures as JSON in bench/results/
RUNS=${RUNS:-10}
DAY="driverId=00000000-0000-4000-8000-000000000001&from=2026-11-15&to=2026-11-15&tz=UTC"
declare -A TIMES CPU
# the API's CPU time (user+system, clock ticks) — the machine may be shared, so wall time alone says little
ticks() { awk '{print $14 + $15}' "/proc/$API_PID/stat"; }
HZ=$(getconf CLK_TCK)
for report in trips stops summary; do
  for run in $(seq 1 "$RUNS"); do
    c0=$(ticks)
    t=$(curl -s -o /dev/null -w '%{time_total}' -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/reports/$report?$DAY")
    c=$(awk -v a="$c0" -v b="$(ticks)" -v hz="$HZ" 'BEGIN { print (b - a) / hz }')
    echo "$report run $run: ${t}s (API CPU ${c}s)"
    TIMES[$report]="${TIMES[$report]:+${TIMES[$report]},}$t"
    CPU[$report]="${CPU[$report]:+${CPU[$report]},}$c"
  done
done
SUMMARY=$(curl -s -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/reports/summary?$DAY")
echo "$SUMMARY"
mkdir -p bench/results
OUT="bench/results/reports-$(date -u +%Y-%m-%dT%H-%M-%SZ).json"
node -e '
const [trips, stops, summary, tripsCpu, stopsCpu, summaryCpu] = [1, 2, 3, 7, 8, 9].map((i) => process.argv[i].split(",").map((x) => Math.round(Number(x) * 1000)));
const p50 = (ms) => [...ms].sort((a, b) => a - b)[Math.floor((ms.length - 1) / 2)];
const stats = (ms, cpu) => ({ runsMs: ms, p50Ms: p50(ms), maxMs: Math.max(...ms), apiCpuMs: cpu, apiCpuP50Ms: p50(cpu) });
const out = { bench: "reports", label: process.env.LABEL, apiMain: process.env.API_MAIN ?? "dist/apps/api/main.js", at: new Date().toISOString(), commit: process.argv[5], node: process.version, cpus: require("os").cpus().length,
  table: { rows: 30 * 86400, drivers: 1, pointEveryS: 1 }, request: "one driver, one UTC day (86,400 points)",
  loadAverage: require("os").loadavg().map((l) => Math.round(l * 100) / 100),
  trips: stats(trips, tripsCpu), stops: stats(stops, stopsCpu), summary: stats(summary, summaryCpu), summaryRow: JSON.parse(process.argv[4])[0] };
require("fs").writeFileSync(process.argv[6], JSON.stringify(out, null, 2) + "\n");
for (const r of ["trips", "stops", "summary"]) console.log(`${r}: p50 ${out[r].p50Ms} ms wall, ${out[r].apiCpuP50Ms} ms API CPU`);
console.log(`load average ${out.loadAverage.join(" ")} -> ${process.argv[6]}`);
' "${TIMES[trips]}" "${TIMES[stops]}" "${TIMES[summary]}" "$SUMMARY" "$(git rev-parse --short HEAD)" "$OUT" "${CPU[trips]}" "${CPU[stops]}" "${CPU[summary]}"
