import { ts } from 'ts-morph';

/**
 * Calls whose shape alone says they only compute a value, so that an initializer left unused can go
 * with its variable: styled components (`styled(Box)(...)`, styled.div`...`), array and string
 * methods that return a new value (`items.map(i => i.id)`, `rows.reduce(...)`), and a few globals
 * (`Object.keys`, `Math.max`, `new Set(...)`). The receiver and arguments must be pure themselves and
 * a callback's body too, since the method runs it. Mutating methods (push, sort, splice, forEach)
 * are deliberately absent.
 */

type Purity = (node: ts.Node) => boolean;

const VALUE_METHODS = new Set([
  // Array.prototype, non-mutating
  'map',
  'filter',
  'reduce',
  'reduceRight',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'some',
  'every',
  'slice',
  'concat',
  'flat',
  'flatMap',
  'includes',
  'indexOf',
  'lastIndexOf',
  'join',
  'at',
  'toSorted',
  'toReversed',
  'with',
  // String.prototype
  'trim',
  'trimStart',
  'trimEnd',
  'toLowerCase',
  'toUpperCase',
  'split',
  'startsWith',
  'endsWith',
  'padStart',
  'padEnd',
  'replace',
  'replaceAll',
  'substring',
  'charAt',
  'repeat',
  'toString',
  'toFixed',
]);

const PURE_STATICS: Record<string, ReadonlySet<string>> = {
  Object: new Set(['keys', 'values', 'entries', 'fromEntries']),
  Array: new Set(['isArray', 'from', 'of']),
  Math: new Set(['max', 'min', 'abs', 'round', 'floor', 'ceil', 'sign', 'trunc', 'sqrt', 'pow']),
  Number: new Set(['isFinite', 'isInteger', 'isNaN', 'parseFloat', 'parseInt']),
};

const PURE_GLOBALS = new Set(['String', 'Number', 'Boolean', 'parseInt', 'parseFloat']);
const PURE_CONSTRUCTORS = new Set(['Set', 'Map', 'URLSearchParams', 'Date', 'Error']);
/**
 * React hooks that only read state or context, or memoise a value: with their result unused, the
 * call does nothing a user could notice (hook order only matters between renders of one version of
 * the component). Hooks that fetch, subscribe or run effects (useQuery, useEffect, custom hooks) are
 * not here and keep their declaration.
 */
const VALUE_HOOKS = new Set([
  'useState',
  'useReducer',
  'useRef',
  'useContext',
  'useMemo',
  'useCallback',
  'useId',
  'useTheme',
  'useTranslation',
  'useIntl',
  'useParams',
  'useSearchParams',
  'usePathname',
  'useLocation',
  'useNavigate',
  'useRouter',
  'useDispatch',
  'useFormatter',
  'useTranslations',
  // Subscribing to a store only schedules this component's re-render; its result unused, nothing reads it.
  'useSyncExternalStore',
  'useDeferredValue',
]);
/**
 * Hooks that store their callback rather than run it during render; useSyncExternalStore runs its
 * getSnapshot, but React requires that to be a read (it may be called any number of times).
 */
const STORING_HOOKS = new Set(['useCallback', 'useSyncExternalStore']);

/** CSS-in-JS factories: creating a component or a class name has no effect until it renders. */
const STYLE_FACTORIES = new Set(['styled', 'css', 'keyframes', 'cva']);

export function isKnownPureCall(
  node: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression,
  isPure: Purity,
): boolean {
  // A style factory only stores its arguments (style functions run at render): they need only be
  // pure as values.
  if (ts.isTaggedTemplateExpression(node)) {
    return (
      isStyleFactory(node.tag, isPure) &&
      (ts.isNoSubstitutionTemplateLiteral(node.template) ||
        node.template.templateSpans.every((s) => isPure(s.expression)))
    );
  }
  const args = node.arguments ?? [];
  const callee = node.expression;
  if (ts.isCallExpression(node) && isStyleFactory(callee, isPure)) return args.every(isPure);
  const hook = hookName(callee);
  if (hook && VALUE_HOOKS.has(hook))
    return STORING_HOOKS.has(hook) ? args.every(isPure) : args.every((a) => isPureArgument(a, isPure));
  if (!args.every((a) => isPureArgument(a, isPure))) return false;
  if (ts.isNewExpression(node)) return ts.isIdentifier(callee) && PURE_CONSTRUCTORS.has(callee.text);
  if (ts.isIdentifier(callee)) return PURE_GLOBALS.has(callee.text);
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const receiver = callee.expression;
    if (ts.isIdentifier(receiver) && PURE_STATICS[receiver.text]?.has(method)) return true;
    return VALUE_METHODS.has(method) && isPure(receiver);
  }
  return false;
}

/** `useState` or `React.useState`. */
function hookName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'React')
    return callee.name.text;
  return undefined;
}

/** `styled`, `styled.div`, `styled(Box)`, `styled.div.attrs({...})`, `css`. */
function isStyleFactory(node: ts.Expression, isPure: Purity): boolean {
  if (ts.isIdentifier(node)) return STYLE_FACTORIES.has(node.text);
  if (ts.isPropertyAccessExpression(node)) return isStyleFactory(node.expression, isPure);
  if (ts.isCallExpression(node)) return isStyleFactory(node.expression, isPure) && node.arguments.every(isPure);
  return false;
}

/** A function passed as an argument may be called: its body must be pure too. */
function isPureArgument(arg: ts.Expression, isPure: Purity): boolean {
  if (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) return functionBodyIsPure(arg.body, isPure);
  return isPure(arg);
}

/** An expression body, or a block of `const` declarations, `if`s and returns, all pure. */
export function functionBodyIsPure(body: ts.ConciseBody, isPure: Purity): boolean {
  return ts.isBlock(body) ? statementsArePure(body.statements, isPure) : isPure(body);
}

function statementsArePure(statements: readonly ts.Statement[], isPure: Purity): boolean {
  const nested = (s: ts.Statement): readonly ts.Statement[] => (ts.isBlock(s) ? s.statements : [s]);
  return statements.every((s) => {
    if (ts.isReturnStatement(s)) return !s.expression || isPure(s.expression);
    if (ts.isVariableStatement(s)) {
      return (
        (s.declarationList.flags & ts.NodeFlags.Const) !== 0 &&
        s.declarationList.declarations.every((d) => !d.initializer || isPure(d.initializer))
      );
    }
    if (ts.isIfStatement(s))
      return (
        isPure(s.expression) &&
        statementsArePure(nested(s.thenStatement), isPure) &&
        (!s.elseStatement || statementsArePure(nested(s.elseStatement), isPure))
      );
    return false;
  });
}
