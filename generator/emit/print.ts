/**
 * Printing files: the imports (or re-exports) together at the top, then each declaration, one blank line apart.
 * Declarations given as ts-morph structures (interfaces, type aliases with JSDoc) are printed by ts-morph, without
 * building a TypeScript AST that nothing would read; generated code comes as text, laid out already.
 */
import {
  IndentationText,
  Project,
  QuoteKind,
  type CodeBlockWriter,
  type OptionalKind,
  type SourceFileStructure,
  type StatementStructures,
  type WriterFunction,
} from "ts-morph";
import { layout, list } from "./lib/code.js";
import { BANNER } from "./output.js";

export type Declaration = string | WriterFunction | StatementStructures;

/** A file to print: its import and export lines, and its declarations. */
export interface FileParts {
  head: string[];
  body: Declaration[];
}

/** Prints the files of one emission: one project, one printer. */
export interface Printer {
  print(path: string, file: FileParts): string;
}

/** `import { a, type B as $B } from "x";`, one name a line when too long; `import type` when every name is a type. */
export function importLine(specifier: string, names: readonly string[], typeOnly = false): string {
  return layout(list(typeOnly ? "import type {" : "import {", names, "}"), 0, "", ` from ${JSON.stringify(specifier)};`);
}

/** `export { a, type B } from "x";`, one name a line when too long. */
export function reexportLine(specifier: string, names: readonly string[]): string {
  return layout(list("export {", names, "}"), 0, "", ` from ${JSON.stringify(specifier)};`);
}

export function createPrinter(): Printer {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  const printer = structurePrinter(project);
  const printOne = (path: string, declaration: Declaration): string => {
    if (typeof declaration === "string") return declaration;
    const structure = { statements: [declaration] };
    if (printer) {
      const writer = printer.createWriter();
      printer.structurePrinterFactory.forSourceFile({ isAmbient: false }).printText(writer, structure);
      return withoutTrailingSpace(writer.toString().trim());
    }
    const file = project.createSourceFile(path, structure, { overwrite: true });
    const text = file.getFullText().trim();
    project.removeSourceFile(file);
    return withoutTrailingSpace(text);
  };
  return {
    print(path, { head, body }) {
      const blocks = [[BANNER, ...head].join("\n"), ...body.map((declaration) => printOne(path, declaration))];
      return `${blocks.join("\n\n")}\n`;
    },
  };
}

/** `type X =` and `name:` before a type broken one member a line: ts-morph leaves a space at the end of the line. */
function withoutTrailingSpace(text: string): string {
  return text.replace(/([=:]) $/gm, "$1");
}

/** The part of ts-morph's project context that prints structures (ts-morph 28; not in its typings). */
interface StructurePrinting {
  createWriter(): CodeBlockWriter;
  structurePrinterFactory: {
    forSourceFile(options: { isAmbient: boolean }): { printText(writer: CodeBlockWriter, structure: OptionalKind<SourceFileStructure>): void };
  };
}

/**
 * `createSourceFile(path, structure)` prints the structure with this printer and then parses the text into a
 * TypeScript AST, which the emitter never uses: about half of the printing time. Printing alone gives the same
 * text; where a ts-morph version lacks the printer, the public path is taken.
 */
function structurePrinter(project: Project): StructurePrinting | undefined {
  const context = (project as unknown as { _context?: Partial<StructurePrinting> })._context;
  const prints = typeof context?.createWriter === "function" && typeof context.structurePrinterFactory?.forSourceFile === "function";
  return prints ? (context as StructurePrinting) : undefined;
}
