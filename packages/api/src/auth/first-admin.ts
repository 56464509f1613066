/**
 * The first admin of a new console: from SLUICE_ADMIN_USER / SLUICE_ADMIN_PASSWORD when set, else "admin" with
 * a generated password that the server prints once. Nothing happens once any user exists.
 */
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { users, type Database } from '@sluice/db';
import { username as usernameSchema } from '@sluice/validators';
import { hashPassword } from './password.ts';

export interface FirstAdmin {
  username: string;
  /** The generated password, to be shown once; null when it came from the environment. */
  generatedPassword: string | null;
}

export async function ensureFirstAdmin(
  db: Database,
  env: Record<string, string | undefined>,
): Promise<FirstAdmin | null> {
  const existing = await db.select({ n: count() }).from(users).get();
  if ((existing?.n ?? 0) > 0) return null;
  const parsed = usernameSchema.safeParse(env['SLUICE_ADMIN_USER']?.trim() || 'admin');
  if (!parsed.success) throw new Error(`SLUICE_ADMIN_USER: ${parsed.error.issues[0]!.message}`);
  const username = parsed.data;
  const fromEnv = env['SLUICE_ADMIN_PASSWORD'];
  const password = fromEnv || randomBytes(18).toString('base64url');
  await db.insert(users).values({ username, passwordHash: await hashPassword(password), role: 'admin' });
  return { username, generatedPassword: fromEnv ? null : password };
}
