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
/** What the page does when opened for a menu item other than the sidebar ('' = the audit sidebar). */
export const PAGE_ACTIONS = ['rate-card'] as const;

/** Sidebar.html with the user's language and the page's action filled in. */
function page(action: '' | (typeof PAGE_ACTIONS)[number] = '') {
  const lang = userLang();
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .getContent()
    .split(LANG_PLACEHOLDER)
    .join(lang)
    .split(ACTION_PLACEHOLDER)
    .join(action);
  return { lang, out: HtmlService.createHtmlOutput(html) };
}

export function showSidebar(): void {
  const { lang, out } = page();
  SpreadsheetApp.getUi().showSidebar(out.setTitle(MENU.title[lang]));
}

/**
 * Menu item "Insert rate card": a small dialog (so an open sidebar, and an audit running in it, stays)
 * that inserts the newest built-in card into a new sheet and says where. The table and its notes are
 * built in the page (issue 12: not in the script Sheets loads for every formula cell).
 */
export function insertRateCardFromMenu(): void {
  const { lang, out } = page('rate-card');
  SpreadsheetApp.getUi().showModelessDialog(out.setWidth(420).setHeight(190), MENU.rateCard[lang]);
}

/** The user's language, for the sidebar (it also gets it inlined into the page). */
export function lang(): string {
  return userLang();
}
