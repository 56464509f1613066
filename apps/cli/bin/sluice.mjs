#!/usr/bin/env node
// The workspace runs TypeScript source directly: register tsx, then hand over to the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
