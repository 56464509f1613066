import { aclsRouter } from './router/acls.ts';
import { auditRouter } from './router/audit.ts';
import { authRouter } from './router/auth.ts';
import { brokersRouter } from './router/brokers.ts';
import { clusterRouter } from './router/cluster.ts';
import { compactionRouter } from './router/compaction.ts';
import { connectRouter } from './router/connect.ts';
import { groupsRouter } from './router/groups.ts';
import { healthRouter } from './router/health.ts';
import { isrRouter } from './router/isr.ts';
import { kafkaUsersRouter } from './router/kafka-users.ts';
import { messagesRouter } from './router/messages.ts';
import { quotasRouter } from './router/quotas.ts';
import { reassignmentsRouter } from './router/reassignments.ts';
import { topicsRouter } from './router/topics.ts';
import { transactionsRouter } from './router/transactions.ts';
import { usersRouter } from './router/users.ts';
import { createCallerFactory, createTRPCRouter } from './trpc.ts';

export const appRouter = createTRPCRouter({
  health: healthRouter,
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  cluster: clusterRouter,
  topics: topicsRouter,
  reassignments: reassignmentsRouter,
  isr: isrRouter,
  compaction: compactionRouter,
  messages: messagesRouter,
  groups: groupsRouter,
  brokers: brokersRouter,
  kafkaUsers: kafkaUsersRouter,
  quotas: quotasRouter,
  acls: aclsRouter,
  transactions: transactionsRouter,
  connect: connectRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
