/** `docschema graph`: the model graph as JSON (the `schema.json` format) or a per-namespace summary. */
import { countBySeverity, hasErrors, loadGraph, loadMergedGraph, serializeGraph, summarize, type LoadOptions } from "../pipeline/index.js";
import { prefixOf } from "./generate.js";
import { printDiagnostics } from "./report.js";

interface GraphCliOptions extends Pick<LoadOptions, "unknownTypes"> {
  summary?: boolean;
  quiet?: boolean;
  merge?: string | undefined;
}

export async function graph(input: string, options: GraphCliOptions): Promise<number> {
  const load = { unknownTypes: options.unknownTypes };
  const loaded = options.merge ? await loadMergedGraph(input, options.merge, load) : await loadGraph(input, load);
  printDiagnostics(loaded.diagnostics, prefixOf(input), { warnings: !options.quiet });
  if (options.summary) {
    const byNamespace = new Map<string, number>();
    for (const model of loaded.graph.models) byNamespace.set(model.namespace, (byNamespace.get(model.namespace) ?? 0) + 1);
    const { errors, warnings } = countBySeverity(loaded.diagnostics);
    const lines = [
      `${loaded.docCount} docs, ${summarize(loaded.graph)}, flavour ${loaded.graph.flavour}`,
      ...[...byNamespace].map(([ns, n]) => `  ${ns}: ${n}`),
      `${errors} error(s), ${warnings} warning(s)`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } else {
    process.stdout.write(serializeGraph(loaded.graph));
  }
  return hasErrors(loaded.diagnostics) ? 1 : 0;
}
