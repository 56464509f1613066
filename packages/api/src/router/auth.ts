import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { users } from '@sluice/db';
import { loginInput } from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import { verifyPassword } from '../auth/password.ts';
import { createSession, deleteSession, sessionCookie } from '../auth/sessions.ts';
import { authedProcedure, publicProcedure } from '../trpc.ts';

/** A hash of a password nobody has, compared when the username is unknown so both failures take as long. */
const NO_USER_HASH = 'scrypt$16384$8$1$c2x1aWNlLW5vLXVzZXI=$' + Buffer.alloc(64).toString('base64');

export const authRouter = {
  /** Who is signed in, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.user),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    if (!ctx.request) throw new TRPCError({ code: 'BAD_REQUEST', message: 'sign in over HTTP' });
    const { address } = ctx.request;
    const wait = ctx.loginLimiter.retryAfterMs(input.username, address);
    if (wait > 0)
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} min`,
      });
    const user = await ctx.db.select().from(users).where(eq(users.username, input.username)).get();
    const valid = await verifyPassword(input.password, user?.passwordHash ?? NO_USER_HASH);
    if (!user || !valid) {
      ctx.loginLimiter.recordFailure(input.username, address);
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'wrong username or password' });
    }
    ctx.loginLimiter.recordSuccess(input.username, address);
    const token = await createSession(ctx.db, user.id);
    ctx.request.setCookie(sessionCookie(token, ctx.request.secure));
    await recordAudit(ctx.db, user.username, 'user.login', user.username, { address });
    return { id: user.id, username: user.username, role: user.role };
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.request?.sessionToken) await deleteSession(ctx.db, ctx.request.sessionToken);
    ctx.request?.setCookie(sessionCookie(null, ctx.request.secure));
    return { signedOut: true };
  }),
} satisfies TRPCRouterRecord;
