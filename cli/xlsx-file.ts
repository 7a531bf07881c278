/**
 * The report workbook as a file (core/report/xlsx-writer.ts over a file descriptor), deflated by
 * Node's zlib: native, several times faster than deflate in JavaScript, the largest cost of a big
 * report. Open it on a temporary name and rename it when done; abort() removes the file.
 */
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { constants as Z, deflateRawSync } from 'node:zlib';
import { ZipPassThrough } from 'fflate';
import { XlsxWriter } from '../core/report/xlsx-writer';

/**
 * A zip entry deflated by Node's zlib. Each piece pushed is compressed on its own and ended with a
 * sync flush, the last one with a finish: the pieces together are one valid deflate stream. fflate's
 * Zip keeps the CRC, sizes and headers (a ZipPassThrough whose process() compresses, as fflate documents).
 */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string, private readonly level: number) {
    super(filename);
    this.compression = 8;
  }
  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    let out: Uint8Array<ArrayBuffer>;
    try {
      out = deflateRawSync(chunk, { level: this.level, finishFlush: final ? Z.Z_FINISH : Z.Z_SYNC_FLUSH }) as Uint8Array<ArrayBuffer>;
    } catch (e) {
      this.ondata(Object.assign(e as Error, { code: 0 }), null as unknown as Uint8Array<ArrayBuffer>, final);
      return;
    }
    this.ondata(null, out, final);
  }
}

export class XlsxFileWriter extends XlsxWriter {
  private readonly fd: number;

  constructor(readonly file: string, meta: { creator?: string; created?: Date } = {}) {
    const fd = openSync(file, 'w');
    super({ write: (chunk) => void writeSync(fd, chunk) }, meta, (name, level) => new NativeDeflate(name, level));
    this.fd = fd;
  }

  override close(): void {
    super.close();
    closeSync(this.fd);
  }

  /** Stop and remove the file (a failed or interrupted write leaves nothing behind). */
  override abort(): void {
    const open = !this.closed;
    super.abort();
    if (open) {
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
    }
    try {
      unlinkSync(this.file);
    } catch {
      /* never created or already gone */
    }
  }
}
