/** Add-on plumbing: the Extensions menu, the sidebar, and the menu's "Insert rate card". */
import { cardToTable, latestCard } from '../../core/rates';
import { say, userLang } from './env';
import { insertRateCard } from './sidebar';

/** Labels, bilingual; the server picks by the user's locale. */
export const MENU = {
  open: { en: 'Open audit sidebar', zh: '打开审核侧边栏' },
  rateCard: { en: 'Insert rate card', zh: '插入费率卡' },
  title: { en: 'AE Seller Rules', zh: 'AE 卖家规则' },
} as const;

/** onOpen(e) / onInstall(e): only adds menu items (AuthMode.NONE allows nothing else). */
export function onOpen(_e?: unknown): void {
  const lang = userLang();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(MENU.open[lang], 'aeShowSidebar')
    .addItem(MENU.rateCard[lang], 'aeInsertRateCardFromMenu')
    .addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** The placeholder in Sidebar.html that carries the user's language to the page. */
export const LANG_PLACEHOLDER = '__AE_LANG__';

export function showSidebar(): void {
  const lang = userLang();
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').getContent().split(LANG_PLACEHOLDER).join(lang);
  const out = HtmlService.createHtmlOutput(html).setTitle(MENU.title[lang]);
  SpreadsheetApp.getUi().showSidebar(out);
}

/** Menu item: insert the newest built-in rate card into a new sheet and show it. */
export function insertRateCardFromMenu(): string {
  const name = insertRateCard(cardToTable(latestCard(), userLang()));
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  sheet?.activate();
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(
      say(`Inserted the built-in rate card as "${name}". Edit it and pass the range as the rates argument.`, `已将内置费率卡插入为“${name}”。可编辑后将该区域作为 rates 参数传入。`),
      MENU.title[userLang()],
    );
  } catch {
    /* toast is cosmetic */
  }
  return name;
}

/** The user's language, for the sidebar (it also gets it inlined into the page). */
export function lang(): string {
  return userLang();
}
