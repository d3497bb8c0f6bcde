#!/usr/bin/env node
/** The `docschema` bin (package.json `bin`: dist/cli/main.js): the command line of ./program.ts on this process's arguments. */
import { main } from "./program.js";

// A reader that stops early (`docschema graph | head`) closes the pipe: that ends the output, quietly, as it does
// for other command-line tools; it is not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv);
