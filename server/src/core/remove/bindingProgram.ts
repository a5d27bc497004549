import { ts } from 'ts-morph';
import { scriptKindFor } from '../text';

/**
 * A program over just the files being rewritten, with no imports followed and no lib: enough for
 * the checker to tell which identifiers name the same local variable (scoping, shadowing), which
 * is all the rewrite asks of it. Costs a parse and a bind per file.
 */
export function createBindingProgram(texts: ReadonlyMap<string, string>): ts.Program {
  const options: ts.CompilerOptions = {
    allowJs: true,
    checkJs: false,
    noResolve: true,
    noLib: true,
    noEmit: true,
    types: [],
    jsx: ts.JsxEmit.Preserve,
    target: ts.ScriptTarget.Latest,
    module: ts.ModuleKind.ESNext,
  };
  const host: ts.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => {
      const text = texts.get(fileName);
      return text === undefined
        ? undefined
        : ts.createSourceFile(fileName, text, languageVersion, true, scriptKindFor(fileName));
    },
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => texts.has(f),
    readFile: (f) => texts.get(f),
  };
  return ts.createProgram({ rootNames: [...texts.keys()], options, host });
}
