/** Sign-in and user management, validated alike by the login form, the users page and the API. */
import { z } from 'zod';

export const USER_ROLES = ['viewer', 'operator', 'admin'] as const;
export const userRole = z.enum(USER_ROLES);

export const username = z
  .string()
  .trim()
  .min(1, 'a username cannot be empty')
  .max(64, 'a username is at most 64 characters')
  .regex(/^[a-zA-Z0-9._@-]+$/, 'a username uses only letters, digits, ".", "_", "@" and "-"');

/** New passwords; sign-in accepts any string, so old or generated passwords keep working. */
export const newPassword = z
  .string()
  .min(12, 'a password has at least 12 characters')
  .max(256, 'a password is at most 256 characters');

export const loginInput = z.object({
  username: z.string().min(1, 'enter your username').max(64),
  password: z.string().min(1, 'enter your password').max(256),
});

export const createUserInput = z.object({ username, password: newPassword, role: userRole });
export const setUserRoleInput = z.object({ userId: z.number().int().positive(), role: userRole });
export const resetPasswordInput = z.object({ userId: z.number().int().positive(), password: newPassword });
/**
 * A Kafka principal as Kafka writes it, TYPE:NAME ("User:alice", "User:CN=alice,O=Example" from a certificate):
 * the type has no colon, the name is everything after the first one (Kafka's SecurityUtils.parseKafkaPrincipal).
 */
export const kafkaPrincipal = z
  .string()
  .trim()
  .max(256, 'a Kafka principal is at most 256 characters')
  .regex(/^[^:\s]+:[^\r\n]+$/, 'a Kafka principal is TYPE:NAME, e.g. User:alice');
/** Null removes the principal: the user's role alone decides again. */
export const setUserPrincipalInput = z.object({
  userId: z.number().int().positive(),
  kafkaPrincipal: kafkaPrincipal.nullable(),
});
export const deleteUserInput = z.object({ userId: z.number().int().positive() });
export const auditListInput = z.object({
  /** Entries older than this id (the previous page's last); the newest first when absent. */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export type LoginInput = z.infer<typeof loginInput>;
export type CreateUserInput = z.infer<typeof createUserInput>;
