// A TypeScript transformer for the Sheets server library (issue 12: the script Sheets loads for every
// formula cell stays small): in the function catalogue (core/functions/*.ts) it drops the `help` and
// `examples` properties and the default value of `help` parameters. At run time Sheets needs names,
// argument kinds and implementations only; the help text reaches users through the JSDoc of the
// generated functions.js, which the build writes from the full catalogue (the "sheets-meta" bundle).
import ts from 'typescript';

const STRIP = new Set(['help', 'examples']);
const CATALOGUE_FILE = /[\\/]core[\\/]functions[\\/][^\\/]+\.ts$/;

export function stripHelpTransformer() {
  return (context) => (sourceFile) => {
    if (!CATALOGUE_FILE.test(sourceFile.fileName)) return sourceFile;
    const visit = (node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const kept = node.properties.filter(
          (p) => !((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name && ts.isIdentifier(p.name) && STRIP.has(p.name.text)),
        );
        const next = kept.length === node.properties.length ? node : context.factory.updateObjectLiteralExpression(node, kept);
        return ts.visitEachChild(next, visit, context);
      }
      if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === 'help' && node.initializer) {
        return context.factory.updateParameterDeclaration(node, node.modifiers, node.dotDotDotToken, node.name, context.factory.createToken(ts.SyntaxKind.QuestionToken), node.type, undefined);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit);
  };
}
