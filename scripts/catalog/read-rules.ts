/**
 * Read rule modules without running them: ts-morph finds each module's default export, an object
 * literal, and evaluates the data parts (id, description, category, severity, fixable,
 * recommended, securitySeverity, options, messages, docs) statically. Strings may be built from literals, `+`,
 * templates, constants (also imported ones), spreads and `[...].join(sep)`; anything else is
 * reported as not static, because docs must not depend on running code.
 */
import * as path from 'path';
import { Node, ObjectLiteralExpression, Project, SourceFile, SyntaxKind } from 'ts-morph';
import type { RuleReference } from '../../src/types';

export interface RuleInfo {
  /** Path relative to the repository root, with `/`. */
  file: string;
  /** The module's file name without `.ts`. */
  name: string;
  id?: string;
  description?: string;
  category?: string;
  severity?: string;
  fixable?: boolean;
  recommended?: boolean;
  options?: Record<string, unknown>;
  messages?: Record<string, string>;
  securitySeverity?: number;
  docs?: { why?: string; bad?: string; good?: string; references?: RuleReference[] };
  /** Message ids declared but never used in the module (or the rule modules it imports). */
  unusedMessages: string[];
  /** Problems reading the module (not static, wrong types, ...). */
  problems: string[];
}

class NotStatic extends Error {
  constructor(
    readonly node: Node,
    what: string,
  ) {
    super(`${what} at line ${node.getStartLineNumber()} is not a static value`);
  }
}

/** Rule module files: rules/*.ts except index.ts and helpers whose names start with `_`. */
export function ruleModuleFiles(project: Project, root: string): SourceFile[] {
  return project
    .addSourceFilesAtPaths(path.join(root, 'rules', '*.ts'))
    .filter((f) => f.getBaseName() !== 'index.ts' && !f.getBaseName().startsWith('_'))
    .sort((a, b) => (a.getBaseName() < b.getBaseName() ? -1 : 1));
}

export function readRule(file: SourceFile, root: string): RuleInfo {
  const info: RuleInfo = {
    file: path.relative(root, file.getFilePath()).split(path.sep).join('/'),
    name: file.getBaseNameWithoutExtension(),
    unusedMessages: [],
    problems: [],
  };
  const obj = defaultExportObject(file);
  if (!obj) {
    info.problems.push('has no default export of a rule object literal');
    return info;
  }
  const field = <T>(name: string, check: (v: unknown) => boolean, expected: string): T | undefined => {
    const init = initializerOf(obj, name);
    if (!init) return undefined;
    try {
      const v = evaluate(init);
      if (check(v)) return v as T;
      info.problems.push(`\`${name}\` must be ${expected}`);
    } catch (e) {
      if (!(e instanceof NotStatic)) throw e;
      info.problems.push(`\`${name}\`: ${e.message}`);
    }
    return undefined;
  };
  const isString = (v: unknown): boolean => typeof v === 'string';
  const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
  info.id = field('id', isString, 'a string');
  info.description = field('description', isString, 'a string');
  info.category = field('category', isString, 'a string');
  info.severity = field('severity', isString, 'a string');
  info.fixable = field('fixable', (v) => typeof v === 'boolean', 'true or false');
  info.recommended = field('recommended', (v) => typeof v === 'boolean', 'true or false');
  info.securitySeverity = field('securitySeverity', (v) => typeof v === 'number', 'a number');
  info.options = field('options', isObject, 'a JSON schema object');
  info.messages = field('messages', (v) => isObject(v) && Object.values(v as object).every(isString), 'an object of strings');
  info.docs = field('docs', isObject, 'an object with why, bad and good');
  if (!obj.getProperty('check')) info.problems.push('has no `check`');
  const messagesNode = obj.getProperty('messages');
  if (info.messages && messagesNode) info.unusedMessages = unusedMessageIds(Object.keys(info.messages), file, messagesNode);
  return info;
}

function defaultExportObject(file: SourceFile): ObjectLiteralExpression | undefined {
  const exported = file.getExportAssignment((e) => !e.isExportEquals())?.getExpression();
  let node: Node | undefined = exported && unwrap(exported);
  if (node && Node.isIdentifier(node)) {
    const decl = declarationOf(node);
    node = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
    node = node && unwrap(node);
  }
  // defineRule({...}) style helpers: the object is the first argument.
  if (node && Node.isCallExpression(node)) node = node.getArguments()[0];
  node = node && unwrap(node);
  return node && Node.isObjectLiteralExpression(node) ? node : undefined;
}

function initializerOf(obj: ObjectLiteralExpression, name: string): Node | undefined {
  const prop = obj.getProperty(name);
  if (!prop) return undefined;
  if (Node.isPropertyAssignment(prop)) return prop.getInitializer();
  if (Node.isShorthandPropertyAssignment(prop)) return prop.getNameNode();
  return prop;
}

function unwrap(node: Node): Node {
  let n = node;
  while (Node.isParenthesizedExpression(n) || Node.isAsExpression(n) || Node.isSatisfiesExpression(n) || Node.isNonNullExpression(n) || Node.isTypeAssertion(n)) {
    n = n.getExpression();
  }
  return n;
}

function declarationOf(id: Node): Node | undefined {
  let symbol = id.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
  return symbol?.getDeclarations()[0];
}

/** The value of a static expression. */
export function evaluate(node: Node): unknown {
  const n = unwrap(node);
  if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) return n.getLiteralValue();
  if (Node.isNumericLiteral(n)) return n.getLiteralValue();
  if (Node.isTrueLiteral(n)) return true;
  if (Node.isFalseLiteral(n)) return false;
  if (Node.isNullLiteral(n)) return null;
  if (Node.isPrefixUnaryExpression(n) && n.getOperatorToken() === SyntaxKind.MinusToken) return -(evaluate(n.getOperand()) as number);
  if (Node.isTemplateExpression(n)) {
    return (
      n.getHead().getLiteralText() +
      n
        .getTemplateSpans()
        .map((s) => String(evaluate(s.getExpression())) + s.getLiteral().getLiteralText())
        .join('')
    );
  }
  if (Node.isBinaryExpression(n) && n.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    return (evaluate(n.getLeft()) as string) + (evaluate(n.getRight()) as string);
  }
  if (Node.isArrayLiteralExpression(n)) {
    return n.getElements().flatMap((e) => (Node.isSpreadElement(e) ? (evaluate(e.getExpression()) as unknown[]) : [evaluate(e)]));
  }
  if (Node.isObjectLiteralExpression(n)) return evaluateObject(n);
  if (Node.isIdentifier(n)) {
    if (n.getText() === 'undefined') return undefined;
    const decl = declarationOf(n);
    const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
    if (!init) throw new NotStatic(n, `\`${n.getText()}\``);
    return evaluate(init);
  }
  if (Node.isPropertyAccessExpression(n)) {
    const target = evaluate(n.getExpression());
    if (target !== null && typeof target === 'object') return (target as Record<string, unknown>)[n.getName()];
  }
  if (Node.isCallExpression(n)) {
    const callee = n.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'join') {
      const list = evaluate(callee.getExpression());
      const args = n.getArguments();
      if (Array.isArray(list)) return list.join(args.length ? (evaluate(args[0]) as string) : ',');
    }
  }
  throw new NotStatic(n, `\`${n.getText().slice(0, 40)}\``);
}

function evaluateObject(obj: ObjectLiteralExpression): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of obj.getProperties()) {
    if (Node.isPropertyAssignment(p)) out[propertyName(p.getNameNode())] = evaluate(p.getInitializerOrThrow());
    else if (Node.isShorthandPropertyAssignment(p)) out[p.getName()] = evaluate(p.getNameNode());
    else if (Node.isSpreadAssignment(p)) Object.assign(out, evaluate(p.getExpression()));
    else throw new NotStatic(p, 'a method');
  }
  return out;
}

function propertyName(name: Node): string {
  if (Node.isStringLiteral(name) || Node.isNumericLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return String(name.getLiteralValue());
  if (Node.isComputedPropertyName(name)) return String(evaluate(name.getExpression()));
  return name.getText();
}

/**
 * A message id counts as used when it appears as a string or a property name (`messages.x`)
 * anywhere outside the `messages` declaration, in the rule module or a rule helper it imports.
 */
function unusedMessageIds(ids: string[], file: SourceFile, messagesNode: Node): string[] {
  const used = new Set<string>();
  const files = [
    file,
    ...file
      .getImportDeclarations()
      .map((d) => d.getModuleSpecifierSourceFile())
      .filter((f): f is SourceFile => !!f && isRuleHelper(f, file)),
  ];
  for (const f of files) {
    f.forEachDescendant((node, traversal) => {
      // skip() returns true, and a truthy return would end the whole walk: don't return it.
      if (node === messagesNode) traversal.skip();
      else if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) used.add(node.getLiteralValue());
      else if (Node.isPropertyAccessExpression(node)) used.add(node.getName());
      return undefined;
    });
  }
  return ids.filter((id) => !used.has(id));
}

function isRuleHelper(f: SourceFile, rule: SourceFile): boolean {
  return f.getDirectoryPath() === rule.getDirectoryPath();
}
