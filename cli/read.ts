/**
 * Reading an orders file for the CLI (Node): a thin fs wrapper over the host-free reader
 * core/io/read.ts (format by content: .xls / .xlsx / .xlsm / .ods via SheetJS, CSV / TSV / Unicode
 * Text in UTF-8, GBK/GB18030 or UTF-16 via csv-parse, strict quotes).
 */
import { readFileSync } from 'node:fs';
import { L, type Text } from '../core/text';
import { readOrdersBytes, readOrdersChunked, type ChunkedRead, type ReadResult } from '../core/io/read';

// For the tests that read examples/orders.csv as rows (test/excel, test/sheets).
export { decodeText, parseCsv } from '../core/io/read';

const why = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);

/** A file's bytes, or the clear error why they cannot be read. */
function fileBytes(file: string): { ok: true; bytes: Uint8Array; name: string } | { ok: false; error: Text } {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, error: L(`file not found: ${file}`, `找不到文件：${file}`) };
    if (code === 'EISDIR') return { ok: false, error: L(`${file} is a folder, not a file`, `${file} 是文件夹，不是文件`) };
    if (code === 'ERR_FS_FILE_TOO_LARGE') return { ok: false, error: L(`${file} is larger than 2 GiB: split it into smaller files`, `${file} 大于 2 GiB：请拆分为较小的文件`) };
    return { ok: false, error: L(`cannot read ${file}: ${why(e)}`, `无法读取 ${file}：${why(e)}`) };
  }
  const name = file.split(/[\\/]/).pop() || file;
  return { ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), name };
}

/** Read a file; a missing file (or folder) is "file not found". Async for the callers' sake. */
export async function readOrders(file: string, sheetName?: string): Promise<ReadResult> {
  const f = fileBytes(file);
  if (!f.ok) return f;
  return readOrdersBytes(f.bytes, f.name, sheetName ? { sheet: sheetName } : {});
}

/** Read a file in chunks of rows (core/io/read.ts readOrdersChunked): the CLI's audit path at any size. */
export function readOrdersFileChunked(file: string, opts: { sheet?: string; chunkRows?: number } = {}): ChunkedRead {
  const f = fileBytes(file);
  if (!f.ok) return f;
  return readOrdersChunked(f.bytes, f.name, opts);
}
