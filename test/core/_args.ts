/** A valid value for any catalogue argument, so a test can vary one argument and keep the rest good. */
import type { ArgDef } from '../../core/catalogue/types';

export function valid(arg: ArgDef): unknown {
  const byName: Record<string, unknown> = { store_level: 'L3', code: 'PENDING', number: '3318810025', carrier: 'DHL', threshold: 30, uploaded_at: '2024-06-02 09:00' };
  if (arg.name in byName) return byName[arg.name];
  switch (arg.kind) {
    case 'country': return 'BR';
    case 'number': case 'money': return 30;
    case 'integer': return 3;
    case 'rate': return '50%';
    case 'bool': return true;
    case 'date': return '2024-06-01 10:00';
    case 'lang': return 'zh';
    case 'carrier': return 'DHL';
    case 'text': return 'x';
    case 'texts': return [['Order placed'], ['Picked up']];
    case 'numbers': return arg.percent ? [[0.95], [0.95], [0.95]] : [[60000], [60000], [60000]];
    case 'rates': return undefined;
  }
  return 'x';
}
