/** Add-on plumbing: the Extensions menu, the sidebar, and the menu's "Insert rate card". */
import { userLang } from './env';

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

/** The placeholders in Sidebar.html that carry the user's language, and what to do on opening, to the page. */
export const LANG_PLACEHOLDER = '__AE_LANG__';
export const ACTION_PLACEHOLDER = '__AE_ACTION__';
/** Sidebar actions a menu item can ask for. */
export const SIDEBAR_ACTIONS = ['rate-card'] as const;

export function showSidebar(action?: (typeof SIDEBAR_ACTIONS)[number]): void {
  const lang = userLang();
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .getContent()
    .split(LANG_PLACEHOLDER)
    .join(lang)
    .split(ACTION_PLACEHOLDER)
    .join(action && SIDEBAR_ACTIONS.includes(action) ? action : '');
  const out = HtmlService.createHtmlOutput(html).setTitle(MENU.title[lang]);
  SpreadsheetApp.getUi().showSidebar(out);
}

/**
 * Menu item "Insert rate card": opens the sidebar, which inserts the newest built-in card into a new
 * sheet and says where (the table and its notes are built in the sidebar, issue 12: not in the script
 * Sheets loads for every formula cell).
 */
export function insertRateCardFromMenu(): void {
  showSidebar('rate-card');
}

/** The user's language, for the sidebar (it also gets it inlined into the page). */
export function lang(): string {
  return userLang();
}
