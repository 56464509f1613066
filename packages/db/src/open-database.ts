import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema.ts';

export type Database = LibSQLDatabase<typeof schema>;

export interface ConsoleDatabase {
  db: Database;
  client: Client;
  close(): void;
}

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * Opens (creating folder and file on first use) the console's SQLite database and brings its schema up to date
 * with the committed migrations in drizzle/. Only the migrator changes the schema: there is no `push` here.
 */
export async function openDatabase(filePath: string): Promise<ConsoleDatabase> {
  const absolutePath = resolve(filePath);
  mkdirSync(dirname(absolutePath), { recursive: true });
  const client = createClient({
    url: pathToFileURL(absolutePath).href,
    // The client pools several connections to one file; a writer waits for another rather than failing with SQLITE_BUSY.
    timeout: 5000,
  });
  try {
    // WAL lets the console read while a write is in flight; the mode is stored in the file, so once is enough.
    await client.execute('PRAGMA journal_mode = WAL');
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return { db, client, close: () => client.close() };
  } catch (error) {
    client.close();
    throw error;
  }
}
