/**
 * Example Usage code → the plain value it writes. The docs' examples are TypeScript (`let value: X = {…};`);
 * the TypeScript parser reads them and only literal syntax is evaluated: object and array literals, strings,
 * numbers, booleans, null, `new Date("…")`. Nothing is executed.
 */
import { ts } from "ts-morph";

export type ExampleValue = string | number | boolean | null | Date | ExampleValue[] | { [key: string]: ExampleValue };

export type Extracted =
  /** The example's value. */
  | { kind: "value"; value: ExampleValue }
  /** The doc has no example (`// No examples available for this model`, or no assignment at all). */
  | { kind: "none" }
  /** The code holds syntax this reader does not evaluate; `at` is a 1-based line within the code. */
  | { kind: "unsupported"; reason: string; line: number };

class Unsupported extends Error {
  constructor(
    readonly node: ts.Node,
    reason: string,
  ) {
    super(reason);
  }
}

export function extractExample(code: string): Extracted {
  const file = ts.createSourceFile("example.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const initializer = firstInitializer(file);
  if (!initializer) return { kind: "none" };
  try {
    return { kind: "value", value: evaluate(initializer) };
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    const { line } = file.getLineAndCharacterOfPosition(error.node.getStart(file));
    return { kind: "unsupported", reason: error.message, line: line + 1 };
  }
}

function firstInitializer(file: ts.SourceFile): ts.Expression | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) if (declaration.initializer) return declaration.initializer;
  }
  return undefined;
}

function evaluate(node: ts.Expression): ExampleValue {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return evaluate(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) {
    if (node.operator === ts.SyntaxKind.MinusToken) return -Number(node.operand.text);
    if (node.operator === ts.SyntaxKind.PlusToken) return Number(node.operand.text);
  }
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return true;
    case ts.SyntaxKind.FalseKeyword:
      return false;
    case ts.SyntaxKind.NullKeyword:
      return null;
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.map((element) => {
      if (ts.isSpreadElement(element) || ts.isOmittedExpression(element)) throw new Unsupported(element, "spread or hole in an array literal");
      return evaluate(element);
    });
  }
  if (ts.isObjectLiteralExpression(node)) {
    const object: { [key: string]: ExampleValue } = {};
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) throw new Unsupported(property, `${ts.SyntaxKind[property.kind]} in an object literal`);
      Object.defineProperty(object, propertyKey(property.name), { value: evaluate(property.initializer), enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Date") {
    const args = (node.arguments ?? []).map(evaluate);
    const [first] = args;
    if (args.length === 1 && (typeof first === "string" || typeof first === "number")) return new Date(first);
    throw new Unsupported(node, "new Date(…) with other than one string or number argument");
  }
  throw new Unsupported(node, `${ts.SyntaxKind[node.kind]} is not a literal`);
}

function propertyKey(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  throw new Unsupported(name, "computed property name");
}
