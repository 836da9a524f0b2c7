import { ADMIN } from './e2e-env';

/** The first admin's password came from ADMIN_PASSWORD, so it must be changed: done once here. */
export async function completeFirstSignIn(baseUrl: string): Promise<void> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.initialPassword }),
  });
  if (!login.ok) throw new Error(`[dashboard-e2e] first sign-in failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const change = await fetch(`${baseUrl}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ currentPassword: ADMIN.initialPassword, newPassword: ADMIN.password }),
  });
  if (change.status !== 204) throw new Error(`[dashboard-e2e] first password change failed: ${change.status} ${await change.text()}`);
}
