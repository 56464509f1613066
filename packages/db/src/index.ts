export { openDatabase } from './open-database.ts';
export type { ConsoleDatabase, Database } from './open-database.ts';
export * from './schema.ts';
