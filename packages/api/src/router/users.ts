import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { sessions, users } from '@sluice/db';
import {
  createUserInput,
  deleteUserInput,
  resetPasswordInput,
  setUserPrincipalInput,
  setUserRoleInput,
} from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import { hashPassword } from '../auth/password.ts';
import { adminProcedure } from '../trpc.ts';

type Db = Parameters<typeof recordAudit>[0];

async function userOrNotFound(db: Db, userId: number) {
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: `user ${userId} does not exist` });
  return user;
}

/** The console must keep an admin: refuses to demote or delete the last one. */
async function assertAnotherAdmin(db: Db, userId: number) {
  const others = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), ne(users.id, userId)))
    .get();
  if ((others?.n ?? 0) === 0)
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'the console needs at least one admin' });
}

export const usersRouter = {
  list: adminProcedure.query(({ ctx }) =>
    ctx.db
      .select({
        id: users.id,
        username: users.username,
        role: users.role,
        kafkaPrincipal: users.kafkaPrincipal,
        createdAt: users.createdAt,
      })
      .from(users)
      .orderBy(asc(users.username)),
  ),

  create: adminProcedure.input(createUserInput).mutation(async ({ ctx, input }) => {
    const taken = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, input.username))
      .get();
    if (taken) throw new TRPCError({ code: 'CONFLICT', message: `user ${input.username} already exists` });
    const created = await ctx.db
      .insert(users)
      .values({
        username: input.username,
        passwordHash: await hashPassword(input.password),
        role: input.role,
      })
      .returning({ id: users.id, username: users.username, role: users.role })
      .get();
    await recordAudit(ctx.db, ctx.user.username, 'user.create', input.username, { role: input.role });
    return created;
  }),

  setRole: adminProcedure.input(setUserRoleInput).mutation(async ({ ctx, input }) => {
    const user = await userOrNotFound(ctx.db, input.userId);
    if (user.role === 'admin' && input.role !== 'admin') await assertAnotherAdmin(ctx.db, user.id);
    await ctx.db.update(users).set({ role: input.role }).where(eq(users.id, user.id));
    await recordAudit(ctx.db, ctx.user.username, 'user.role', user.username, {
      from: user.role,
      to: input.role,
    });
    return { id: user.id, username: user.username, role: input.role };
  }),

  /**
   * Gives the user a Kafka principal, whose ACLs on the cluster then bound what they may do through the
   * console (their role still applies), or takes it away (null).
   */
  setPrincipal: adminProcedure.input(setUserPrincipalInput).mutation(async ({ ctx, input }) => {
    const user = await userOrNotFound(ctx.db, input.userId);
    await ctx.db.update(users).set({ kafkaPrincipal: input.kafkaPrincipal }).where(eq(users.id, user.id));
    await recordAudit(ctx.db, ctx.user.username, 'user.kafka-principal', user.username, {
      from: user.kafkaPrincipal,
      to: input.kafkaPrincipal,
    });
    return { id: user.id, username: user.username, kafkaPrincipal: input.kafkaPrincipal };
  }),

  /** Sets a new password and signs the user out everywhere. */
  resetPassword: adminProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    const user = await userOrNotFound(ctx.db, input.userId);
    await ctx.db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, user.id));
    await ctx.db.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(ctx.db, ctx.user.username, 'user.password', user.username);
    return { id: user.id };
  }),

  delete: adminProcedure.input(deleteUserInput).mutation(async ({ ctx, input }) => {
    const user = await userOrNotFound(ctx.db, input.userId);
    if (user.id === ctx.user.id)
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'you cannot delete yourself' });
    if (user.role === 'admin') await assertAnotherAdmin(ctx.db, user.id);
    await ctx.db.delete(users).where(eq(users.id, user.id));
    await recordAudit(ctx.db, ctx.user.username, 'user.delete', user.username);
    return { id: user.id };
  }),
} satisfies TRPCRouterRecord;
