/**
 * Console sessions: an unguessable token (32 random bytes, base64url) in an HttpOnly, SameSite=Lax cookie, and
 * a row in `sessions` that says whose it is and until when. A session in use is extended when less than half of
 * its lifetime is left; an expired one is deleted when next seen.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { sessions, users, type Database, type UserRole } from '@sluice/db';

export const SESSION_COOKIE = 'sluice_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SessionUser {
  id: number;
  username: string;
  role: UserRole;
  /** The Kafka principal whose ACLs bound this user's actions on the cluster (users.kafka_principal). */
  kafkaPrincipal?: string | null;
}

export async function createSession(db: Database, userId: number, now = Date.now()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ id: token, userId, expiresAt: new Date(now + SESSION_TTL_MS) });
  return token;
}

/** The signed-in user of a token, or null when it is unknown or expired. */
export async function findSessionUser(
  db: Database,
  token: string,
  now = Date.now(),
): Promise<{ user: SessionUser; extended: boolean } | null> {
  const row = await db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      kafkaPrincipal: users.kafkaPrincipal,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, token), gt(sessions.expiresAt, new Date(now))))
    .get();
  if (!row) return null;
  let extended = false;
  if (row.expiresAt.getTime() - now < SESSION_TTL_MS / 2) {
    await db
      .update(sessions)
      .set({ expiresAt: new Date(now + SESSION_TTL_MS) })
      .where(eq(sessions.id, token));
    extended = true;
  }
  return {
    user: { id: row.id, username: row.username, role: row.role, kafkaPrincipal: row.kafkaPrincipal },
    extended,
  };
}

export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, token));
}

export async function deleteExpiredSessions(db: Database, now = Date.now()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date(now)));
}

/** The Set-Cookie value for a session (or, with null, for clearing it). */
export function sessionCookie(token: string | null, secure: boolean): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
  if (token === null) return [`${SESSION_COOKIE}=`, 'Max-Age=0', ...attributes].join('; ');
  return [`${SESSION_COOKIE}=${token}`, `Max-Age=${SESSION_TTL_MS / 1000}`, ...attributes].join('; ');
}

/** The session token a request's Cookie header carries, if any. */
export function sessionTokenFrom(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === SESSION_COOKIE) return part.slice(separator + 1).trim() || null;
  }
  return null;
}
