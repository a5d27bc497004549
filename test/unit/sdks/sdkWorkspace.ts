import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { choosePosition, type ArgShape, type CallSpec, type SdkModule } from '../../../server/src/core/sdks';
import type { ValueType } from '../../../server/src/core/model';

/**
 * Builds, from an SDK module's own declarations, a small TypeScript app that uses every form the
 * module declares (each call, gate component, result object and accessor), with one flag per use
 * and a registry listing them. The SDK packages are typed as `any` (vendor.d.ts), as a project
 * without its node_modules installed would be; nothing in the app is run.
 */
export interface SdkUse {
  key: string;
  file: string;
  valueType: ValueType;
  /** The literal fallback the call passes, when the module says where it goes. */
  fallback?: unknown;
}

export interface SdkWorkspace {
  root: string;
  calls: Map<CallSpec, SdkUse>;
  serverCalls: Map<CallSpec, SdkUse>;
  gates: Map<string, SdkUse>;
  results: { callee: string; property: string; use: SdkUse }[];
  accessors: Map<string, SdkUse>;
}

const FALLBACKS: Record<ValueType, { code: string; value: unknown }> = {
  boolean: { code: 'false', value: false },
  string: { code: "'classic'", value: 'classic' },
  number: { code: '25', value: 25 },
  json: { code: '{ limit: 3 }', value: { limit: 3 } },
};

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The receiver a method is called on: the SDK's brand in its name (`statsigClient`), as apps write it. */
export const receiverOf = (sdk: SdkModule): string => `${sdk.brandWords[0] ?? sdk.id}Client`;

function shapeOf(code: string): ArgShape {
  if (code.startsWith("'")) return { kind: 'string' };
  if (code.startsWith('[')) return { kind: 'array' };
  if (code.startsWith('{')) return { kind: 'object' };
  if (/^[A-Za-z_]\w*$/.test(code)) return { kind: 'name', name: code };
  return { kind: 'other' };
}

/**
 * The arguments of a call with the key where the module's key rule puts it: `user` before it on the
 * server form (`checkGate(user, 'k')`), the fallback where the fallback rule says.
 */
function argumentsFor(
  spec: CallSpec,
  key: string,
  valueType: ValueType,
  serverForm: boolean,
): { args: string[]; fallback?: unknown } | undefined {
  const keyCode = spec.keyList ? `['${key}']` : `'${key}'`;
  const args = serverForm ? ['user', keyCode] : [keyCode];
  const keyIsChosen = (): boolean => choosePosition(spec.keyArg, args.map(shapeOf)) === args.indexOf(keyCode);
  if (spec.defaultArg === undefined) return keyIsChosen() ? { args } : undefined;
  const fallback = FALLBACKS[valueType];
  const at = choosePosition(spec.defaultArg, [...args, fallback.code].map(shapeOf));
  while (args.length < at) args.push('context');
  args[at] = fallback.code;
  return keyIsChosen() ? { args, fallback: fallback.value } : undefined;
}

function callCode(sdk: SdkModule, spec: CallSpec, args: readonly string[]): string {
  return spec.style === 'method'
    ? `${receiverOf(sdk)}.${spec.name}(${args.join(', ')})`
    : `${spec.name}(${args.join(', ')})`;
}

function header(sdk: SdkModule, spec: CallSpec | undefined): string {
  const pkg = sdk.packages[0];
  if (!spec || spec.style === 'method')
    return `import { createClient } from '${pkg}';\n\nconst ${receiverOf(sdk)} = createClient();\n`;
  return `import { ${spec.name} } from '${pkg}';\n`;
}

export function writeSdkWorkspace(sdk: SdkModule): SdkWorkspace {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `flaglint-sdk-${sdk.id}-`)));
  const files = new Map<string, string>();
  const flags: SdkUse[] = [];
  const ws: SdkWorkspace = {
    root,
    calls: new Map(),
    serverCalls: new Map(),
    gates: new Map(),
    results: [],
    accessors: new Map(),
  };
  const add = (rel: string, text: string, use: SdkUse): SdkUse => {
    files.set(rel, text);
    flags.push(use);
    return use;
  };

  sdk.calls.forEach((spec, i) => {
    const valueType = spec.valueType ?? 'boolean';
    for (const serverForm of [false, true]) {
      const key = `${kebab(spec.name)}-${serverForm ? 'server' : 'client'}-${i}`;
      const built = argumentsFor(spec, key, valueType, serverForm);
      if (!built) continue;
      const rel = `src/calls/${spec.name}${serverForm ? 'Server' : ''}${i}.ts`;
      const params =
        serverForm || built.args.includes('context') ? 'user: { id: string }, context: { id: string }' : '';
      const text = `${header(sdk, spec)}\nexport function read${i}(${params}) {\n  return ${callCode(sdk, spec, built.args)};\n}\n`;
      const use = add(rel, text, {
        key,
        file: path.join(root, rel),
        valueType,
        ...('fallback' in built ? { fallback: built.fallback } : {}),
      });
      (serverForm ? ws.serverCalls : ws.calls).set(spec, use);
    }
  });

  for (const gate of sdk.jsx ?? []) {
    const key = `${kebab(gate.component)}-gate`;
    const rel = `src/gates/${gate.component}.tsx`;
    const valueType = gate.valueType ?? 'boolean';
    const attrs = [`${gate.attribute}="${key}"`];
    if (gate.defaultAttribute) attrs.push(`${gate.defaultAttribute}="classic"`);
    if (gate.gate.matchAttribute) attrs.push(`${gate.gate.matchAttribute}={true}`);
    if (gate.gate.fallbackAttribute) attrs.push(`${gate.gate.fallbackAttribute}={<OldBanner />}`);
    const element = gate.gate.rendersValue
      ? `<${gate.component} ${attrs.join(' ')} />`
      : `<${gate.component} ${attrs.join(' ')}>\n        <NewBanner />\n      </${gate.component}>`;
    const text =
      `import { ${gate.component} } from '${sdk.packages[0]}';\n\n` +
      `function NewBanner() {\n  return <p className="new">New</p>;\n}\n\nfunction OldBanner() {\n  return <p className="old">Old</p>;\n}\n\n` +
      `export function Banner() {\n  return (\n    <header>\n      ${element}\n    </header>\n  );\n}\n`;
    ws.gates.set(gate.component, add(rel, text, { key, file: path.join(root, rel), valueType }));
  }

  for (const rule of sdk.resultObjects ?? []) {
    for (const [property] of Object.entries(rule.properties)) {
      for (const callee of rule.callees) {
        const spec = sdk.calls.find((c) => c.name === callee);
        if (!spec) continue;
        const valueType = spec.valueType ?? 'boolean';
        const key = `${kebab(callee)}-${property}-result`;
        const built = argumentsFor(spec, key, valueType, false);
        if (!built) continue;
        const rel = `src/results/${callee}${property}.ts`;
        const text = `${header(sdk, spec)}\nexport function read() {\n  const result = ${callCode(sdk, spec, built.args)};\n  return result.${property};\n}\n`;
        ws.results.push({ callee, property, use: add(rel, text, { key, file: path.join(root, rel), valueType }) });
      }
    }
  }

  // Each accessor hands out the client its flag is then read through (the module's first method).
  const method = sdk.calls.find((c) => c.style === 'method' && !c.keyList);
  for (const accessor of method ? (sdk.accessors ?? []) : []) {
    if (!method) break;
    const valueType = method.valueType ?? 'boolean';
    const key = `${kebab(accessor)}-accessor`;
    const built = argumentsFor(method, key, valueType, false);
    if (!built) continue;
    const rel = `src/accessors/${accessor}.ts`;
    const hook = accessor.startsWith('use');
    const text =
      (hook ? `import { ${accessor} } from '${sdk.packages[0]}';\n` : `import { Sdk } from '${sdk.packages[0]}';\n`) +
      `\nexport function useSetting(context: { id: string }) {\n  const client = ${hook ? '' : 'Sdk.'}${accessor}();\n` +
      `  return client.${method.name}(${built.args.join(', ')});\n}\n`;
    ws.accessors.set(accessor, add(rel, text, { key, file: path.join(root, rel), valueType }));
  }

  const registry = ['flags:'];
  for (const use of flags) {
    registry.push(
      `  ${use.key}:`,
      `    description: ${use.key} of the ${sdk.id} demo app`,
      '    owner: "@web"',
      '    type: release',
      `    valueType: ${use.valueType}`,
      '    status: rolled-out',
      '    created: 2026-06-01',
      '    expires: 2026-12-01',
    );
  }
  files.set('flags.yaml', `${registry.join('\n')}\n`);
  files.set(
    'tsconfig.json',
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          jsx: 'preserve',
          strict: true,
          skipLibCheck: true,
          noEmit: true,
          types: [],
        },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  const modules = sdk.packages.map((p) => `declare module '${p}';`).join('\n');
  files.set(
    'src/vendor.d.ts',
    `declare namespace JSX {\n  type Element = unknown;\n  interface IntrinsicElements {\n    [tag: string]: Record<string, unknown>;\n  }\n}\n\n${modules}\n`,
  );
  for (const [rel, text] of files) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return ws;
}
