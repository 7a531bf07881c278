/** Display names for customs documents named in rate cards ([X-DOCS]); unknown names show as typed. */
import { L, type Localized } from './text';

const DOC_NAMES: Record<string, Localized> = {
  'commercial invoice': L('commercial invoice', '商业发票'),
  INN: L('INN (Russian tax id)', 'INN（俄罗斯税号）'),
  'CNPJ/CPF': L('CNPJ/CPF (Brazilian tax id)', 'CNPJ/CPF（巴西税号）'),
  RFC: L('RFC (Mexican tax id)', 'RFC（墨西哥税号）'),
};

export const docLabel = (name: string): Localized => DOC_NAMES[name] ?? L(name, name);
