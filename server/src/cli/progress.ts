import type { ScanProgress } from '../core/service';

const PHASES: Record<ScanProgress['phase'], string> = {
  listing: 'Listing files',
  scanning: 'Scanning',
  resolving: 'Resolving keys',
};

/**
 * A one-line progress indicator on stderr, only when stderr is a terminal (CI logs stay clean).
 * Redraws at most every 100 ms so that reporting progress never costs more than the scan.
 */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
): { onProgress(p: ScanProgress): void; done(): void } | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  let shown = false;
  return {
    onProgress(p) {
      const now = Date.now();
      if (now - last < 100 && p.done !== p.total) return;
      last = now;
      const count = p.total > 0 ? ` ${p.done}/${p.total} files` : '';
      stream.write(`\r${PHASES[p.phase]}…${count}\u001b[K`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
