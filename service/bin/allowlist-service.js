#!/usr/bin/env node
// Thin wrapper: the command lives in ../main.ts (run by Node 24, which strips the types).
import { main } from '../main.ts';

process.exitCode = await main(process.argv.slice(2));
