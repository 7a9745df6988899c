/**
 * How dependency-cruiser reads TypeScript here (TypeScript 7 has no JS API it could use): Babel
 * strips the types, but first every type-only import becomes a bare import, so that a type a
 * layer borrows from another counts as a dependency too.
 */
const typeOnly = (node) =>
  node.importKind === 'type' || node.exportKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
// On entering the program: the TypeScript preset removes type-only imports there too, and plugins go first.
const typeImportsCount = () => ({
  visitor: {
    Program(program) {
      for (const path of program.get('body')) {
        const { node } = path;
        if ((path.isImportDeclaration() || path.isExportNamedDeclaration()) && node.source && typeOnly(node)) {
          path.replaceWith({ type: 'ImportDeclaration', specifiers: [], source: node.source, importKind: 'value' });
        }
      }
    },
  },
});

module.exports = {
  plugins: [typeImportsCount],
  presets: [['@babel/preset-typescript', { isTSX: true, allExtensions: true, jsxPragma: 'h' }]],
};
