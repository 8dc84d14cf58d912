#!/usr/bin/env node
// Runs the command line straight from the TypeScript sources, so `npx dogear` works
// right after `npm install` with no build step.
import { register } from 'tsx/esm/api'

register()
await import('../src/main/cli.ts')
