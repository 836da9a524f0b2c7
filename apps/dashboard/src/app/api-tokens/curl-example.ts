/** The first call an integrator makes with a token: list the drivers. */
export function curlExample(origin: string, token: string): string {
  return `curl -H "Authorization: Bearer ${token}" ${origin}/api/drivers`;
}
