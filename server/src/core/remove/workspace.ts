import * as fs from 'node:fs';
import * as path from 'node:path';
import { walkWorkspace } from '../engine/fileWalker';
import { bytesInclude, readSourceBytes, utf16Bom } from '../engine/sourceText';
import { RemoveError } from './removeError';

/**
 * The texts a removal works on: each file's original (an open editor buffer wins over the disk)
 * and its rewritten version. Whole-workspace questions ("does any other file still use this
 * constant?") are answered with a word search over the workspace's source files, and only the
 * files that contain the word are parsed.
 */
export class Workspace {
  private readonly originals = new Map<string, string>();
  private readonly rewritten = new Map<string, string>();
  private fileList: string[] | undefined;

  constructor(
    readonly root: string,
    private readonly overlay: (file: string) => string | undefined = () => undefined,
  ) {}

  original(file: string): string {
    let text = this.originals.get(file);
    if (text === undefined) {
      text = this.overlay(file);
      if (text === undefined) {
        let buf: Buffer;
        try {
          buf = fs.readFileSync(file);
        } catch (e) {
          throw new RemoveError('unreadable-file', `Cannot read ${file}: ${(e as Error).message}`);
        }
        // The scan decodes UTF-16 (BOM) sources, but rewriting one as UTF-8 would change its encoding
        // and its flags' offsets would not match these bytes: refuse rather than corrupt it.
        const utf16 = utf16Bom(buf);
        if (utf16)
          throw new RemoveError(
            'unreadable-file',
            `Cannot rewrite ${file}: it is ${utf16} (it starts with a byte order mark); flaglint remove rewrites UTF-8 files only. Convert it to UTF-8 first.`,
          );
        text = buf.toString('utf8');
      }
      this.originals.set(file, text);
    }
    return text;
  }

  text(file: string): string {
    return this.rewritten.get(file) ?? this.original(file);
  }

  /** The original text if already read or open in an editor; undefined means "read the disk". */
  overlayText(file: string): string | undefined {
    return this.originals.get(file) ?? this.overlay(file);
  }

  setText(file: string, text: string): void {
    if (text === this.original(file)) this.rewritten.delete(file);
    else this.rewritten.set(file, text);
  }

  /** Files whose text differs from the original. */
  changedFiles(): string[] {
    return [...this.rewritten.keys()].sort();
  }

  /** The workspace's source files (.gitignore and build folders skipped, as the scan does). */
  sourceFiles(): string[] {
    this.fileList ??= walkWorkspace(this.root).files;
    return this.fileList;
  }

  /** Source files whose current text contains `word` as a whole word. */
  filesMentioning(word: string): string[] {
    const pattern = new RegExp(`(?<![\\w$])${word.replace(/[$]/g, '\\$')}(?![\\w$])`);
    const result: string[] = [];
    for (const file of this.sourceFiles()) {
      const text = this.tryText(file, word);
      if (text !== undefined && pattern.test(text)) result.push(file);
    }
    return result;
  }

  /**
   * The file's text if it may hold `word`. A file not read yet is searched as bytes first and
   * decoded and kept only when the word is there: the searches of one removal go over every source
   * file, and decoding and keeping all of them was a third of a removal's time on a 5k-file app.
   */
  private tryText(file: string, word: string): string | undefined {
    if (this.rewritten.has(file) || this.originals.has(file)) return this.text(file);
    const open = this.overlay(file);
    if (open !== undefined) return open;
    const read = readSourceBytes(file);
    // Unreadable, too large, binary or UTF-16 (which original() refuses to rewrite): not searched.
    if ('note' in read || utf16Bom(read.bytes) || !bytesInclude(read.bytes, word)) return undefined;
    const text = read.bytes.toString('utf8');
    this.originals.set(file, text);
    return text;
  }

  relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }
}
