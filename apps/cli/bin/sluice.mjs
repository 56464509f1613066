#!/usr/bin/env -S node --initial-old-space-size=256
// The workspace runs TypeScript source directly: register tsx, then hand over to the CLI.
// The heap starts at 256 MB: with V8's small default, a broker moving 100 MB/s ran a full mark-compact several
// times a second, which set its p99 produce latency (BENCHMARKS.md). Heap flags must be given at start.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
