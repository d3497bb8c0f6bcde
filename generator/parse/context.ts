/** What every doc-kind parser shares: the doc's text, where it lives, and a place to report problems. */
import path from "node:path/posix";
import type { Diagnostic, Severity, SourceLocation } from "../model/types.js";
import { lineStartsOf } from "./markdown.js";
import { TypeSyntaxError, parseTypeExpression, type ParsedTypeExpr } from "./type-expression.js";

export class DocContext {
  readonly diagnostics: Diagnostic[] = [];
  private lineStarts: number[] | undefined;

  constructor(
    /** Path relative to the input folder, forward slashes. */
    readonly file: string,
    readonly text: string,
    readonly namespace: string,
    /**
     * Absolute posix path the input folder stands for when resolving links. SDKs write links relative to their
     * `docs/models` folder (`../../models/ns/x.md` climbs to `docs/` and comes back), so by default the input is
     * taken to be `/docs/models`, whatever it is called on disk.
     */
    readonly root = "/docs/models",
  ) {}

  report(severity: Severity, code: string, message: string, at: { line: number; column: number }): void {
    this.diagnostics.push({ severity, code, message, file: this.file, line: at.line, column: at.column });
  }

  error(code: string, message: string, at: { line: number; column: number } = { line: 1, column: 1 }): void {
    this.report("error", code, message, at);
  }

  warn(code: string, message: string, at: { line: number; column: number } = { line: 1, column: 1 }): void {
    this.report("warning", code, message, at);
  }

  at(line: number, column: number): SourceLocation {
    return { file: this.file, line, column };
  }

  /** Location of a text offset. */
  locateOffset(offset: number): SourceLocation {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.at(lo + 1, offset - starts[lo]! + 1);
  }

  lineText(line: number): string {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    const start = starts[line - 1] ?? this.text.length;
    const end = starts[line] ?? this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$/, "");
  }

  /**
   * Parses a type expression written at (line, column), resolving model links against this doc's folder.
   * A type it does not understand is reported and read as `unknown` (the run still fails unless the pipeline is
   * told to accept unknown types); other problems (a link leaving the input) give undefined after reporting.
   */
  parseType(source: string, line: number, column: number): ParsedTypeExpr | undefined {
    const locate = (index: number): SourceLocation => this.at(line, column + index);
    try {
      return parseTypeExpression(source, {
        namespace: this.namespace,
        locate,
        resolveHref: (href, index) => {
          const target = this.resolveHref(href);
          if (target === undefined) {
            throw new TypeSyntaxError(`link "${href}" points outside the input folder`, index, "link-outside-input");
          }
          return target;
        },
      });
    } catch (error) {
      if (!(error instanceof TypeSyntaxError)) throw error;
      if (error.code !== "unknown-type") {
        this.error(error.code, error.message, locate(error.index));
        return undefined;
      }
      this.error(error.code, `unknown type expression "${source}": ${error.message}`, locate(error.index));
      return { type: { kind: "primitive", name: "unknown" }, optional: false, nullable: false };
    }
  }

  /**
   * Resolves a relative link to a path relative to the input folder, or undefined when it leaves the folder. SDKs
   * link a model as `…/models/<ns>/<file>.md` from wherever their docs sit (`../../models/`, `../../../sdk/models/`,
   * and one old Python generator writes `undefined/models/`): what follows the first `models/` is the target.
   */
  resolveHref(href: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURI(href.split("#")[0]!);
    } catch {
      decoded = href;
    }
    const models = /(?:^|\/)models\//.exec(decoded);
    if (models) decoded = path.join(this.root, decoded.slice(models.index + models[0].length));
    const absolute = path.resolve(path.dirname(path.join(this.root, this.file)), decoded);
    const target = path.relative(this.root, absolute);
    return target.startsWith("../") || target === ".." || target === "" ? undefined : target;
  }
}
