#!/usr/bin/env bash
# A month of 1-second points for one driver (2.6 M rows), then the time of one day's trips/stops/summary
# report through the built API. Needs DATABASE_URL (a server to create a scratch database on) and
# `nx build api`. Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres tools/bench-reports/run.sh
set -euo pipefail
DB=convoy_bench_reports_$$
SERVER=${DATABASE_URL%/*}
psql "$DATABASE_URL" -qc "CREATE DATABASE $DB"
cleanup() { kill "${API_PID:-0}" 2>/dev/null || true; wait "${API_PID:-0}" 2>/dev/null || true; psql "$DATABASE_URL" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"; }
trap cleanup EXIT
PORT=$((20000 + RANDOM % 20000))
DATABASE_URL="$SERVER/$DB" PORT=$PORT HOST=127.0.0.1 NODE_ENV=test APP_SECRET=$(printf 'x%.0s' {1..32}) \
  ADMIN_EMAIL=bench@convoy.test ADMIN_PASSWORD=bench-password-1 DEMO_FLEET=0 LOG_LEVEL=warn \
  node dist/apps/api/main.js > /tmp/convoy-bench-reports.log 2>&1 &
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
for report in trips stops summary; do
  for run in 1 2 3 4 5; do
    curl -s -o /dev/null -w "$report run $run: %{time_total}s\n" -H "authorization: Bearer $TOKEN" \
      "http://127.0.0.1:$PORT/api/reports/$report?driverId=00000000-0000-4000-8000-000000000001&from=2026-11-15&to=2026-11-15&tz=UTC"
  done
done
curl -s -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/reports/summary?from=2026-11-15&to=2026-11-15&tz=UTC"; echo
