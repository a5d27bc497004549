/**
 * Entry point of the Flaglint language server. The transport (--stdio, --node-ipc, --socket=N,
 * --pipe=NAME) is read from the command line, as vscode-languageclient passes it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { bindConnection } from './server';

const connection = createConnection(ProposedFeatures.all);
const server = bindConnection(connection);

// A bug in one request must not take the editor's language features down with it.
process.on('uncaughtException', (error) => {
  server.workspace?.logError(error);
});
process.on('unhandledRejection', (reason) => {
  server.workspace?.logError(reason);
});

connection.listen();
