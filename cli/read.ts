/**
 * Reading an orders file for the CLI (Node): a thin fs wrapper over the host-free reader
 * core/io/read.ts (format by content: .xls / .xlsx / .xlsm / .ods via SheetJS, CSV / TSV / Unicode
 * Text in UTF-8, GBK/GB18030 or UTF-16 via csv-parse, strict quotes).
 */
import { readFileSync } from 'node:fs';
import { L } from '../core/text';
import { readOrdersBytes, type ReadResult } from '../core/io/read';

export { decodeText, parseCsv, detectSeparator, readOrdersBytes, type ReadResult, type SourceTable } from '../core/io/read';

const why = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);

/** Read a file; a missing file (or folder) is "file not found". Async for the callers' sake. */
export async function readOrders(file: string, sheetName?: string): Promise<ReadResult> {
  return readOrdersSync(file, sheetName);
}

export function readOrdersSync(file: string, sheetName?: string): ReadResult {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, error: L(`file not found: ${file}`, `找不到文件：${file}`) };
    if (code === 'EISDIR') return { ok: false, error: L(`${file} is a folder, not a file`, `${file} 是文件夹，不是文件`) };
    return { ok: false, error: L(`cannot read ${file}: ${why(e)}`, `无法读取 ${file}：${why(e)}`) };
  }
  const name = file.split(/[\\/]/).pop() || file;
  return readOrdersBytes(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), name, sheetName ? { sheet: sheetName } : {});
}
