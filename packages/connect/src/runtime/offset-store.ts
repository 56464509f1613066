/**
 * Source offsets (OffsetBackingStore and its reader and writer). A source task names its position as a
 * (source partition, source offset) pair of maps; the store keeps, per connector and source partition, the
 * last offset committed.
 *
 * Keys and values are serialized as Kafka Connect serializes them (a JsonConverter without schemas): the key is
 * `["<connector>",{<source partition>}]` and the value `{<source offset>}`, or no value once reset. Object keys
 * are written sorted, so a source partition names the same entry whatever order its map was built in.
 *
 * FileOffsetBackingStore (standalone mode, `offset.storage.file.filename`) holds the whole map in memory and
 * rewrites the file on every commit: a temp file, fsync, rename and a directory fsync, so after a crash the
 * file holds either the previous or the new commit, never a torn one. Its format is Sluice's own (JSON lines
 * of [key, value]); Kafka's Java-serialized HashMap is not read.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SourceMap } from '../connector/source-connector.ts';
import type { OffsetStorageReader } from '../connector/source-connector.ts';

export interface OffsetBackingStore {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The stored value of each serialized key (null when there is none). */
  get(keys: readonly string[]): Promise<Map<string, string | null>>;
  /** Stores each key's value (null removes it) durably before resolving. */
  set(entries: ReadonlyMap<string, string | null>): Promise<void>;
  /** Every key stored for a connector. */
  connectorKeys(connector: string): Promise<string[]>;
}

/** JSON with object keys sorted, recursively, as the canonical form of a source partition or offset. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') return Number(item);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    return Object.fromEntries(
      Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}

export function offsetKey(connector: string, partition: SourceMap): string {
  return canonicalJson([connector, partition]);
}

/** The connector and source partition of a serialized key, or null for a key this store did not write. */
export function parseOffsetKey(key: string): { connector: string; partition: SourceMap } | null {
  try {
    const parsed = JSON.parse(key) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string') return null;
    const partition = parsed[1] as unknown;
    if (partition === null || typeof partition !== 'object' || Array.isArray(partition)) return null;
    return { connector: parsed[0], partition: partition as SourceMap };
  } catch {
    return null;
  }
}

export class MemoryOffsetBackingStore implements OffsetBackingStore {
  protected readonly data = new Map<string, string>();

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async get(keys: readonly string[]): Promise<Map<string, string | null>> {
    return new Map(keys.map((key) => [key, this.data.get(key) ?? null]));
  }

  async set(entries: ReadonlyMap<string, string | null>): Promise<void> {
    for (const [key, value] of entries) {
      if (value === null) this.data.delete(key);
      else this.data.set(key, value);
    }
  }

  async connectorKeys(connector: string): Promise<string[]> {
    return [...this.data.keys()].filter((key) => parseOffsetKey(key)?.connector === connector);
  }
}

export class FileOffsetBackingStore extends MemoryOffsetBackingStore {
  /** Commits run one at a time, so the file is always written from a consistent map. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {
    super();
  }

  override async start(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const [key, value] = JSON.parse(line) as [string, string];
      this.data.set(key, value);
    }
  }

  override async set(entries: ReadonlyMap<string, string | null>): Promise<void> {
    await super.set(entries);
    const snapshot = [...this.data].map((entry) => JSON.stringify(entry)).join('\n');
    const write = this.writing.then(() => writeDurably(this.path, snapshot));
    this.writing = write.catch(() => undefined);
    await write;
  }
}

async function writeDurably(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.tmp`;
  const file = await open(temp, 'w');
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
  const directory = await open(dirname(path), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/** What a connector's tasks read their committed offsets through (OffsetStorageReaderImpl). */
export class ConnectorOffsetReader implements OffsetStorageReader {
  constructor(
    private readonly store: OffsetBackingStore,
    private readonly connector: string,
  ) {}

  async offset(partition: SourceMap): Promise<SourceMap | null> {
    return (await this.offsets([partition])).get(partition) ?? null;
  }

  async offsets(partitions: readonly SourceMap[]): Promise<Map<SourceMap, SourceMap>> {
    const keys = partitions.map((partition) => offsetKey(this.connector, partition));
    const stored = await this.store.get(keys);
    const result = new Map<SourceMap, SourceMap>();
    partitions.forEach((partition, index) => {
      const value = stored.get(keys[index]!);
      if (value !== null && value !== undefined) result.set(partition, JSON.parse(value) as SourceMap);
    });
    return result;
  }
}
