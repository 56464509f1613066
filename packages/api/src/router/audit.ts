import type { TRPCRouterRecord } from '@trpc/server';
import { desc, lt } from 'drizzle-orm';
import { auditLog } from '@sluice/db';
import { auditListInput } from '@sluice/validators';
import { operatorProcedure } from '../trpc.ts';

export const auditRouter = {
  /** Newest first, a page at a time (pass the last id seen as `before`). Operators and admins. */
  list: operatorProcedure.input(auditListInput).query(async ({ ctx, input }) => {
    const entries = await ctx.db
      .select()
      .from(auditLog)
      .where(input.before === undefined ? undefined : lt(auditLog.id, input.before))
      .orderBy(desc(auditLog.id))
      .limit(input.limit);
    return { entries, nextBefore: entries.length === input.limit ? entries.at(-1)!.id : null };
  }),
} satisfies TRPCRouterRecord;
