/** flaglint/graph: the core dependency map (report/graph.ts) of a workspace folder, for the editor's map view. */
import { buildFlagGraph, buildInventory, neighbourhood } from '../../core/report';
import { createPackageLookup, type Workspace } from '../../core/service';
import type { GraphParams, GraphResult } from '../../../../protocol/src';

export class GraphFeature {
  constructor(private readonly workspace: Workspace) {}

  graph(params: GraphParams | undefined): GraphResult | null {
    const folders = this.workspace.folders;
    const folder = params?.folderUri
      ? folders.find((f) => f.info.uri === params.folderUri)
      : (folders.find((f) => f.registries().length > 0) ?? folders[0]);
    const result = folder?.result();
    if (!folder || !result) return null;
    const packageOf = createPackageLookup();
    let graph = buildFlagGraph(buildInventory(result, { packageOf }), result, packageOf);
    if (params?.flag !== undefined && graph.nodes.some((n) => n.key === params.flag))
      graph = neighbourhood(graph, params.flag);
    return { folderName: folder.info.name, graph };
  }
}
