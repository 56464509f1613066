import { rmSync } from 'node:fs';

export default function removeDataDir(): void {
  const dataDir = process.env.SLUICE_E2E_DATA_DIR;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
