// Container health check with Node itself (slim images have no curl or wget).
//   node docker/healthcheck.mjs [path]      path defaults to /health/live
// Exit 0 when http://127.0.0.1:$PORT<path> answers 2xx within 4 s, 1 otherwise (Docker's contract).
// Used by the Dockerfile's HEALTHCHECK (liveness) and by docker-compose.yml (/health/ready).

const path = process.argv[2] ?? '/health/live';
const port = process.env.PORT || '3000';
const url = `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`;

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  if (!response.ok) console.error(`${url} answered ${response.status}`);
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error(`${url} did not answer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
