import { describe, expect, it } from 'vitest';
import { ALL_FIELDS } from '../../core/audit/columns';
import { FIELD_GROUPS } from '../../pane/i18n';

describe('pane column pickers', () => {
  it('offer every audit field exactly once, so a user can map any column by hand [G-PACK] [G-REVIEW]', () => {
    const offered = FIELD_GROUPS.flatMap((g) => g.fields);
    expect(new Set(offered).size).toBe(offered.length);
    expect([...offered].sort()).toEqual([...ALL_FIELDS].sort());
  });
});
