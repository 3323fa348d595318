// The key that signs session cookies. When SESSION_SECRET is not set, one is generated and kept in the store, so every
// instance on the same database signs and accepts the same sessions. The store has no settings table, so the secret
// sits in the users table under a name no one can sign in with (it starts with '$' and has no role).
import { randomBytes } from 'node:crypto';
import type { CaseStore } from '../../engine/store/index.js';

export const SESSION_SECRET_RECORD = '$session-secret';

export function isSystemRecord(username: string): boolean {
  return username.startsWith('$');
}

export async function resolveSessionSecret(store: CaseStore, configured?: string): Promise<string> {
  if (configured) return configured;
  const stored = await store.getUser(SESSION_SECRET_RECORD);
  if (stored?.passwordHash) return stored.passwordHash;
  await store.upsertUser({ username: SESSION_SECRET_RECORD, displayName: 'session signing key', role: '', passwordHash: randomBytes(32).toString('base64url'), demo: false });
  // Read back: when two instances start together, both end up with the one that was written last.
  return (await store.getUser(SESSION_SECRET_RECORD))!.passwordHash;
}
