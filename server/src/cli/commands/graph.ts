import { Option, type Command } from 'commander';
import { buildFlagGraph, buildInventory, formatDot, formatMermaid, neighbourhood } from '../../core/report';
import type { FlagGraph } from '../../core/report';
import { createPackageLookup } from '../../core/service';
import { EXIT_CLEAN, EXIT_USAGE, UsageError } from '../errors';
import { resolveFolder, resolveRegistryOption } from '../options';
import { emit, say } from '../output';
import { describeFindings, scanWorkspace, unusableRegistryProblems } from '../scan';

export const GRAPH_FORMATS = ['mermaid', 'dot', 'json'] as const;

interface GraphOptions {
  format: (typeof GRAPH_FORMATS)[number];
  output?: string;
  registry?: string;
  flag?: string;
  cache: boolean;
}

export function registerGraph(program: Command): void {
  program
    .command('graph')
    .description(
      'the dependency map: flags (status, owner, blast radius) and their dependsOn links, cycles and broken links marked',
    )
    .argument('[path]', 'folder to scan', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(GRAPH_FORMATS).default('mermaid'))
    .option('-o, --output <file>', 'write the map to a file instead of stdout')
    .option('-r, --registry <path>', 'registry file or folder (default: the nearest one)')
    .option('--flag <key>', "only this flag's neighbourhood: what it needs and what needs it, transitively")
    .option('--no-cache', 'neither read nor write the analysis cache')
    .action(async (target: string, options: GraphOptions) => {
      const root = resolveFolder(target);
      const { result, now } = await scanWorkspace({
        root,
        registry: resolveRegistryOption(options.registry),
        cache: options.cache,
      });
      const packageOf = createPackageLookup();
      let graph = buildFlagGraph(buildInventory(result, { packageOf, now }), result, packageOf);
      if (options.flag !== undefined) {
        if (!graph.nodes.some((n) => n.key === options.flag))
          throw new UsageError(`no flag '${options.flag}' in the registry or the code`);
        graph = neighbourhood(graph, options.flag);
      }
      emit(render(graph, options.format), options.output);
      const unusable = unusableRegistryProblems(result);
      if (unusable.length > 0)
        say(`flaglint: the registry cannot be used until this is fixed:\n${describeFindings(unusable)}`);
      process.exitCode = unusable.length > 0 ? EXIT_USAGE : EXIT_CLEAN;
    });
}

function render(graph: FlagGraph, format: GraphOptions['format']): string {
  switch (format) {
    case 'mermaid':
      return formatMermaid(graph);
    case 'dot':
      return formatDot(graph);
    case 'json':
      return `${JSON.stringify(graph, null, 2)}\n`;
  }
}
