// A TypeScript transformer for the Sheets server library (issue 12: the script Sheets loads for every
// formula cell stays small): in the function catalogue (core/functions/*.ts) it drops the `help`,
// `examples`, `category` and `rules` properties and the default value of `help` parameters; in the
// carrier table (core/tracking/data.ts) the `source` of each format (where the format is documented;
// nothing reads it at run time). At run time Sheets needs names, argument kinds and implementations only; the help
// text reaches users through the JSDoc of the generated functions.js, which the build writes from the
// full catalogue (the "sheets-meta" bundle).
import ts from 'typescript';

const FILES = [
  // `category` and `rules` group and cite the functions in the docs; the call layer never reads them.
  { file: /[\\/]core[\\/]functions[\\/][^\\/]+\.ts$/, strip: new Set(['help', 'examples', 'category', 'rules']) },
  { file: /[\\/]core[\\/]tracking[\\/]data\.ts$/, strip: new Set(['source']) },
];

export function stripHelpTransformer() {
  return (context) => (sourceFile) => {
    const STRIP = FILES.find((f) => f.file.test(sourceFile.fileName))?.strip;
    if (!STRIP) return sourceFile;
    const visit = (node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const kept = node.properties.filter(
          (p) => !((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name && ts.isIdentifier(p.name) && STRIP.has(p.name.text)),
        );
        const next = kept.length === node.properties.length ? node : context.factory.updateObjectLiteralExpression(node, kept);
        return ts.visitEachChild(next, visit, context);
      }
      if (STRIP.has('help') && ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === 'help' && node.initializer) {
        return context.factory.updateParameterDeclaration(node, node.modifiers, node.dotDotDotToken, node.name, context.factory.createToken(ts.SyntaxKind.QuestionToken), node.type, undefined);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit);
  };
}
