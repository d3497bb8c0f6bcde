#!/usr/bin/env node
/** The `docschema` bin (package.json `bin`: dist/cli/main.js): the command line of ./program.ts on this process's arguments. */
import { main } from "./program.js";

process.exitCode = await main(process.argv);
