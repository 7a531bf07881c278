/**
 * The CLI's findings spill (issue 12, memory bounded by design): a streaming audit hands each
 * finding over as it is final, in row order; its Findings-table row goes to a temporary file as
 * compact text (cells separated by U+0001, rows ended by U+0000 — characters XML cannot hold, which
 * the report drops anyway), and the report writer reads the rows back in order. Memory holds one
 * buffer of about 1 MiB, however many findings there are. The file is removed when the report is
 * written, on any failure and on Ctrl-C (the CLI calls remove()); where the system allows it (not
 * Windows) the file is unlinked as soon as it is open, so not even a crash leaves it behind.
 */
import { closeSync, ftruncateSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { FINDINGS_MONEY_COLUMNS } from '../core/audit/report';

/** Which cells of a Findings row are numbers (the row, and the money columns); the rest are text. */
const NUMBER_CELLS = [0, ...FINDINGS_MONEY_COLUMNS];
const FLUSH_AT = 1 << 20;
const CONTROL = /[\u0000\u0001]/g;

export class FindingSpill {
  private fd: number | undefined;
  private buf = '';
  private n = 0;
  /** Bytes written (writes and reads use explicit positions: the file may already be unlinked). */
  private size = 0;
  private removed = false;
  private unlinked = false;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w+');
    try {
      unlinkSync(file);
      this.unlinked = true;
    } catch {
      /* Windows: removed at the end */
    }
  }

  /** Rows written so far. */
  get rows(): number {
    return this.n;
  }

  /** One Findings-table row (numbers, '' or text per cell). */
  add(cells: readonly unknown[]): void {
    let s = '';
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (i) s += '\u0001';
      if (v === null || v === undefined || v === '') continue;
      s += typeof v === 'number' ? String(v) : String(v).replace(CONTROL, '');
    }
    this.buf += s + '\u0000';
    this.n++;
    if (this.buf.length >= FLUSH_AT) this.flush();
  }

  private flush() {
    if (this.fd === undefined || !this.buf) return;
    const b = Buffer.from(this.buf, 'utf8');
    writeSync(this.fd, b, 0, b.length, this.size);
    this.size += b.length;
    this.buf = '';
  }

  /** Start again empty (a second pass of the audit). */
  reset(): void {
    this.buf = '';
    this.n = 0;
    this.size = 0;
    if (this.fd !== undefined) ftruncateSync(this.fd, 0);
  }

  /** The rows, in the order they were added (the file is read a block at a time). */
  *read(): Generator<unknown[], void, void> {
    this.flush();
    const fd = this.fd;
    if (fd === undefined) return;
    const block = Buffer.allocUnsafe(FLUSH_AT);
    const decoder = new TextDecoder('utf-8');
    let rest = '';
    let pos = 0;
    for (;;) {
      const got = pos < this.size ? readSync(fd, block, 0, Math.min(block.length, this.size - pos), pos) : 0;
      pos += got;
      const text = rest + (got ? decoder.decode(block.subarray(0, got), { stream: true }) : decoder.decode());
      let start = 0;
      for (let end = text.indexOf('\u0000'); end >= 0; end = text.indexOf('\u0000', start)) {
        const cells: unknown[] = text.slice(start, end).split('\u0001');
        for (const i of NUMBER_CELLS) if (cells[i] !== '' && cells[i] !== undefined) cells[i] = Number(cells[i]);
        yield cells;
        start = end + 1;
      }
      rest = text.slice(start);
      if (!got) break;
    }
  }

  /** Close and delete the file (idempotent; safe from a signal handler). */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    try {
      if (this.fd !== undefined) closeSync(this.fd);
    } catch {
      /* already closed */
    }
    this.fd = undefined;
    if (this.unlinked) return;
    try {
      unlinkSync(this.file);
    } catch {
      /* never created or already gone */
    }
  }
}
