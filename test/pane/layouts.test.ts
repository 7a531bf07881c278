/**
 * The pane and issue 9: near-match columns come with their choice pre-filled (one click maps them),
 * and the time zone of the file's times is a setting passed to the audit and named in the Summary.
 */
import { describe, expect, it } from 'vitest';
import { PaneController } from '../../pane/controller';
import { coreEngine } from '../../pane/engine';
import { MemoryWorkbook, createMemoryHost } from '../../pane/memory-host';

const NOW = Date.UTC(2024, 6, 20);

async function setup(rows: unknown[][], now?: number) {
  const host = createMemoryHost(new MemoryWorkbook({ sheets: { Orders: rows } }));
  const ctl = new PaneController(host, { engine: coreEngine, ...(now !== undefined ? { now } : {}) });
  await ctl.refreshSources();
  return { ctl };
}

describe('pane: what was not used, and the source time zone', () => {
  it('a near match ("运单" for the tracking number) is offered as the choice; using it runs [X-FORMAT]', async () => {
    const { ctl } = await setup([['订单号', '物流商', '运单'], ['A1', 'DHL', '3318 810025']], NOW);
    const m = ctl.state.mapping!;
    expect(m.mapping.trackingNumber).toBeUndefined();
    expect(m.nearMatches).toEqual([{ column: 2, header: '运单', field: 'trackingNumber' }]);
    ctl.setMapping(m.nearMatches![0].field, m.nearMatches![0].column);
    expect(ctl.state.mapping!.mapping.trackingNumber).toBe(2);
    expect(ctl.state.mapping!.skippedRules.map((s) => s.rule)).not.toContain('X-FORMAT');
  });

  it('the time-zone setting: "now" is the wall clock there, and the Summary says so', async () => {
    const wb = new MemoryWorkbook({ sheets: { Orders: [['订单号', '付款时间', '上传时间'], ['A1', '2020-01-01 10:00', '2020-01-01 12:00']] } });
    const ctl = new PaneController(createMemoryHost(wb), { engine: coreEngine });
    await ctl.refreshSources();
    ctl.setTimeZone('Not/AZone');
    expect(ctl.state.timeZone).toBe('');
    ctl.setTimeZone('America/Los_Angeles');
    expect(ctl.state.timeZone).toBe('America/Los_Angeles');
    await ctl.run();
    expect(ctl.state.run.status).toBe('done');
    const summary = (wb.values('Summary') ?? []).flat().join('\n');
    expect(summary).toContain('Times in the file are read as America/Los_Angeles wall-clock time');
    // "now" there: within a day of this machine's clock, whatever its zone.
    const stamp = /"now" is (\d{4}-\d\d-\d\d \d\d:\d\d) there/.exec(summary)![1];
    expect(Math.abs(Date.parse(`${stamp}Z`) - Date.now())).toBeLessThan(26 * 3_600_000);
  });
});
