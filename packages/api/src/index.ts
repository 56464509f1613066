export { appRouter, createCaller } from './root.ts';
export type { AppRouter } from './root.ts';
export type { ApiContext } from './trpc.ts';
