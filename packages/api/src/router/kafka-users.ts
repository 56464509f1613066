/**
 * The Kafka cluster's SCRAM users (not the console's sign-in users, router/users.ts): list them with their
 * mechanisms and iteration counts, add a credential, rotate its password, delete it. Everyone signed in reads;
 * admins change. Passwords are salted in this process and never stored, returned, logged or audited: the audit
 * entry names the user, the mechanism and the iterations.
 */
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { deleteScramCredentialInput, scramCredentialInput } from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { kafkaCall } from '../kafka-errors.ts';
import { clusterAdminProcedure, clusterProcedure } from '../trpc.ts';

async function hasCredential(cluster: ClusterSource, user: string, mechanism: string): Promise<boolean> {
  const users = await kafkaCall(() => cluster.security.scramUsers());
  return users.some((u) => u.user === user && u.credentials.some((c) => c.mechanism === mechanism));
}

export const kafkaUsersRouter = {
  /** Every user with SCRAM credentials: each mechanism and its iteration count. */
  list: clusterProcedure.query(({ ctx }) => kafkaCall(() => ctx.cluster.security.scramUsers())),

  /** A new credential; CONFLICT when the user has one for the mechanism already (rotate replaces it). */
  create: clusterAdminProcedure.input(scramCredentialInput).mutation(async ({ ctx, input }) => {
    if (await hasCredential(ctx.cluster, input.user, input.mechanism))
      throw new TRPCError({
        code: 'CONFLICT',
        message: `${input.user} already has a ${input.mechanism} credential: rotate its password instead`,
      });
    await kafkaCall(() => ctx.cluster.security.upsertScramCredential(input));
    await recordAudit(ctx.db, ctx.user.username, 'kafka-user.create', input.user, {
      mechanism: input.mechanism,
      iterations: input.iterations,
    });
    return { user: input.user, mechanism: input.mechanism };
  }),

  /**
   * A new password (and salt, and possibly iteration count) for an existing credential. Clients already
   * connected stay connected until they authenticate again (connections.max.reauth.ms), as in Kafka.
   */
  rotate: clusterAdminProcedure.input(scramCredentialInput).mutation(async ({ ctx, input }) => {
    if (!(await hasCredential(ctx.cluster, input.user, input.mechanism)))
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `${input.user} has no ${input.mechanism} credential to rotate`,
      });
    await kafkaCall(() => ctx.cluster.security.upsertScramCredential(input));
    await recordAudit(ctx.db, ctx.user.username, 'kafka-user.rotate', input.user, {
      mechanism: input.mechanism,
      iterations: input.iterations,
    });
    return { user: input.user, mechanism: input.mechanism };
  }),

  /** Removes one mechanism's credential; a user whose last credential goes can no longer authenticate. */
  delete: clusterAdminProcedure.input(deleteScramCredentialInput).mutation(async ({ ctx, input }) => {
    await kafkaCall(() => ctx.cluster.security.deleteScramCredential(input.user, input.mechanism));
    await recordAudit(ctx.db, ctx.user.username, 'kafka-user.delete', input.user, {
      mechanism: input.mechanism,
    });
    return { user: input.user, mechanism: input.mechanism };
  }),
} satisfies TRPCRouterRecord;
