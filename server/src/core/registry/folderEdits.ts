import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Registry } from '../model';
import { orderedFields } from './keyOrder';
import { FOLDER_SETTINGS_FILES } from './locate';
import type { FileEdit } from '../text';
import type { NewFlag } from './yamlEdits';
import { openYaml } from './yamlEdits';
import { renderField } from './yamlStyle';

/** Whether a file of a folder registry is its settings file (which may hold `flags:` like a file registry). */
export function isSettingsFile(registry: Registry, file: string): boolean {
  return FOLDER_SETTINGS_FILES.some((name) => path.join(registry.path, name) === file);
}

const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function existingExtension(registry: Registry): string {
  for (const entry of registry.flags.values()) {
    if (/\.yml$/i.test(entry.location.file) && !isSettingsFile(registry, entry.location.file)) return '.yml';
    if (/\.yaml$/i.test(entry.location.file)) return '.yaml';
  }
  return '.yaml';
}

/** A sample flag file to copy the writing style from (quotes, indentation, line breaks). */
function sampleText(registry: Registry): { file: string; text: string } | undefined {
  for (const entry of registry.flags.values()) {
    if (isSettingsFile(registry, entry.location.file)) continue;
    try {
      return { file: entry.location.file, text: fs.readFileSync(entry.location.file, 'utf8') };
    } catch {
      // vanished meanwhile; try another
    }
  }
  return undefined;
}

/**
 * One new file per flag, named after the key. A key that cannot be a file name on every system
 * (slashes, colons, …), or whose file exists already, gets a safe name and a `key:` field.
 */
export function folderAddFlags(registry: Registry, flags: NewFlag[]): FileEdit[] {
  const ext = existingExtension(registry);
  const sample = sampleText(registry);
  const style = openYaml(sample?.file ?? '', sample?.text ?? '')?.style ?? openYaml('', '')!.style;
  const taken = new Set<string>();
  const edits: FileEdit[] = [];
  for (const f of flags) {
    const base = SAFE_FILE_NAME.test(f.key)
      ? f.key
      : f.key.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'flag';
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()) || fs.existsSync(path.join(registry.path, name + ext)); n++)
      name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    let text = name === f.key ? '' : renderField('key', f.key, '', style);
    for (const [field, value] of orderedFields(f.fields ?? {})) text += renderField(field, value, '', style);
    if (text === '') text = `{}${style.eol}`;
    edits.push({
      file: path.join(registry.path, name + ext),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: text,
      createFile: true,
    });
  }
  return edits;
}

export function deleteFileEdit(file: string): FileEdit {
  return {
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    newText: '',
    deleteFile: true,
  };
}
