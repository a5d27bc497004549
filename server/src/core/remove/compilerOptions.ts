import { ts } from 'ts-morph';
import { TsconfigLookup } from './tsconfigLookup';

/** The compiler options a file is built with: its nearest tsconfig.json/jsconfig.json, parsed once. */
export class ProjectOptions {
  readonly lookup = new TsconfigLookup();
  private readonly byConfig = new Map<string, ts.CompilerOptions>();

  for(file: string): ts.CompilerOptions {
    const config = this.lookup.nearest(file) ?? '';
    let options = this.byConfig.get(config);
    if (!options) {
      options = config
        ? (ts.getParsedCommandLineOfConfigFile(
            config,
            {},
            { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
          )?.options ?? {})
        : {};
      this.byConfig.set(config, options);
    }
    return options;
  }
}
