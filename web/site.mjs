// The static site's pages (written by webpack/web.config.js). One URL layout, the same for
// `npm start` and for dist/ on any static host:
//   /                     the browser app (index.html; the same app as /web/)
//   /web/                 the browser app: index.html + app.js
//   /excel/               "Use in Excel": steps and the manifest (index.html, manifest.xml); the add-in's files
//   /sheets/              "Use in Google Sheets": steps and the Apps Script files to copy
//   /support.html         support page (the manifest's SupportUrl and LearnMoreUrl)
// Every page is bilingual (English / 简体中文), following ?lang=, else the browser's language, with a
// switch. One way to switch: every text is written in both languages (both(): two spans) and the
// page's <html lang> shows one (CSS); the switch only changes <html lang> (LANG_JS, or on the app
// page web/app.ts, which also switches the pane). Links between pages are relative (they work from
// disk too); absolute URLs only where a person must paste one (the manifest URL for the Microsoft 365
// admin center), built for `origin`.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CSS = `
html,body{margin:0;background:#f5f5f5;color:#242424;font:14px/1.55 "Segoe UI",system-ui,"PingFang SC","Microsoft YaHei",sans-serif}
html[lang^=zh] [data-lang=en],html:not([lang^=zh]) [data-lang=zh]{display:none!important}
body>header{background:#0f6cbd;color:#fff}
body>header .in{max-width:1180px;margin:0 auto;padding:10px 16px;display:flex;gap:14px;align-items:center;flex-wrap:wrap}
body>header b{font-size:16px;margin-right:auto}
body>header a{color:#fff;text-decoration:none;padding:4px 8px;border-radius:4px}
body>header a[aria-current=page],body>header a:hover{background:rgba(255,255,255,.18)}
body>header button{font:inherit;border:1px solid rgba(255,255,255,.6);background:transparent;color:#fff;border-radius:4px;padding:2px 8px;cursor:pointer}
main{max-width:1180px;margin:0 auto;padding:16px}
.doc{max-width:820px;background:#fff;border:1px solid #e0e0e0;border-radius:8px;padding:8px 24px 20px}
h1{font-size:22px}h2{font-size:17px;margin-top:22px}
code,pre{font:12.5px Consolas,"Courier New",monospace;background:#f0f0f0;border-radius:3px;padding:1px 4px}
pre{padding:8px;overflow:auto}
.files a{display:inline-block;margin:2px 8px 2px 0}
.note{background:#fff4ce;border-left:4px solid #c19c00;padding:6px 10px}
ol li,ul li{margin:3px 0}
footer{max-width:1180px;margin:0 auto;padding:8px 16px 24px;color:#616161;font-size:12px}
`;

const LANG_JS = `(function(){var q=new URLSearchParams(location.search).get('lang');var l=q==='zh'||q==='en'?q:(/^zh/i.test(navigator.language||'')?'zh':'en');
function set(x){document.documentElement.lang=x==='zh'?'zh-CN':'en';var b=document.getElementById('lang-switch');if(b)b.textContent=x==='zh'?'English':'中文';l=x;}
set(l);document.addEventListener('DOMContentLoaded',function(){set(l);var b=document.getElementById('lang-switch');if(b&&!document.getElementById('app'))b.onclick=function(){set(l==='zh'?'en':'zh');};});})();`;

/** Both languages of a text as two spans (the page shows one). */
const both = (en, zh) => `<span data-lang="en">${en}</span><span data-lang="zh">${zh}</span>`;

function nav(up, current) {
  const link = (href, key, en, zh) => `<a href="${up}${href}"${current === key ? ' aria-current="page"' : ''}>${both(en, zh)}</a>`;
  return `<header><div class="in"><b>${both('AE Seller Rules', '速卖通卖家规则')}</b>
${link('index.html', 'app', 'Audit in the browser', '在浏览器中审核')}
${link('excel/index.html', 'excel', 'Use in Excel', '在 Excel 中使用')}
${link('sheets/index.html', 'sheets', 'Use in Google Sheets', '在 Google 表格中使用')}
${link('support.html', 'support', 'Help', '帮助')}
<button type="button" id="lang-switch">中文</button></div></header>`;
}

function page({ up, current, title, body, head = '', script = '' }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" type="image/png" href="${up}excel/assets/icon-32.png">
<style>${CSS}</style>
<script>${LANG_JS}</script>
${head}
</head>
<body>
${nav(up, current)}
${body}
<footer>${both('Runs entirely on your computer: no file or formula leaves it.', '完全在您的电脑上运行：文件和公式都不会离开本机。')}</footer>
${script}
</body>
</html>
`;
}

/** The browser app's page: `up` is the way to the site root ('' for /index.html, '../' for /web/index.html). */
export function appPage(up, appJs) {
  const head = `<style>
.app{display:grid;grid-template-columns:minmax(320px,420px) 1fr;gap:16px;align-items:start}
@media (max-width:820px){.app{grid-template-columns:1fr}}
#app{background:#fff;border:1px solid #e0e0e0;border-radius:8px;min-height:300px}
.side>section{background:#fff;border:1px solid #e0e0e0;border-radius:8px;padding:4px 16px 14px;margin-bottom:16px}
#playground select,#playground input{font:inherit;width:100%;box-sizing:border-box;padding:4px 6px;margin:2px 0 6px}
#playground .pg-arg label{display:block;font-size:12px;color:#424242}
#playground .pg-desc,#playground .pg-help{color:#424242}
#playground button{font:inherit;background:#0f6cbd;color:#fff;border:0;border-radius:4px;padding:5px 14px;cursor:pointer}
#playground .pg-ok{color:#0e700e}#playground .pg-err{color:#b10e1c}
</style>`;
  const body = `<main class="app">
<div id="app">Loading… 正在加载…<noscript> JavaScript is needed. 需要启用 JavaScript。</noscript></div>
<div class="side">
<section>
<h1>${both('Audit an AliExpress orders export', '审核速卖通订单导出表')}</h1>
<p>${both(
    'Open your export (.xlsx, .xls or .csv, English or Chinese headers), check the column mapping, run the audit and download the report workbook (Findings, Summary, Weekly). The file is read in this browser only.',
    '打开导出文件（.xlsx、.xls 或 .csv，中英文表头均可），核对列对应，运行审核并下载报告工作簿（审核结果、汇总、每周费用）。文件只在本浏览器中读取。',
  )}</p>
<p>${both(`Prefer it inside your spreadsheet? <a href="${up}excel/index.html">Use in Excel</a> · <a href="${up}sheets/index.html">Use in Google Sheets</a>.`, `希望在表格软件中使用？<a href="${up}excel/index.html">在 Excel 中使用</a> · <a href="${up}sheets/index.html">在 Google 表格中使用</a>。`)}</p>
</section>
<section id="playground"></section>
</div>
</main>`;
  return page({ up, current: 'app', title: 'AE Seller Rules · 速卖通卖家规则', head, body, script: `<script src="${appJs}"></script>` });
}

export function excelPage(origin) {
  const manifestUrl = `${origin}/excel/manifest.xml`;
  const body = `<main><div class="doc">
<h1>${both('Use in Excel', '在 Excel 中使用')}</h1>
<p>${both(
    'The Excel add-in adds the <code>AE.*</code> functions (for example <code>=AE.SG_FEE("BR", 50)</code>) and an <b>Order audit</b> pane that writes Findings, Summary and Weekly sheets next to your data. It works in Excel on the web, on Windows and on Mac (Microsoft 365).',
    'Excel 加载项提供 <code>AE.*</code> 函数（例如 <code>=AE.SG_FEE("BR", 50)</code>）和<b>订单审核</b>面板，审核结果、汇总、每周费用写入新的工作表。支持网页版、Windows 和 Mac 版 Excel（Microsoft 365）。',
  )}</p>
<p class="files"><a href="manifest.xml" download="ae-seller-rules-manifest.xml">${both('Download the manifest (manifest.xml)', '下载清单文件（manifest.xml）')}</a></p>
<h2>${both('For yourself', '个人安装')}</h2>
<ol>
<li>${both('Download the manifest above.', '下载上面的清单文件。')}</li>
<li>${both('Excel on the web or Windows/Mac: <b>Home › Add-ins › More add-ins › My add-ins › Upload My Add-in</b>, choose the file.', '网页版或 Windows/Mac 版 Excel：<b>开始 › 加载项 › 更多加载项 › 我的加载项 › 上传我的加载项</b>，选择该文件。')}</li>
<li>${both('<b>Home › Order audit</b> opens the pane; type <code>=AE.</code> in a cell to see the functions.', '<b>开始 › 订单审核</b>打开面板；在单元格中输入 <code>=AE.</code> 查看函数。')}</li>
</ol>
<h2>${both('For a whole company (Microsoft 365 admin)', '为整个公司部署（Microsoft 365 管理员）')}</h2>
<ol>
<li>${both('Microsoft 365 admin center › <b>Settings › Integrated apps › Upload custom apps</b>.', 'Microsoft 365 管理中心 › <b>设置 › 集成应用 › 上传自定义应用</b>。')}</li>
<li>${both('App type <b>Office Add-in</b>; <b>Provide link to manifest file</b>:', '应用类型选 <b>Office 加载项</b>；选择<b>提供清单文件的链接</b>：')}<pre>${esc(manifestUrl)}</pre>${both('(or upload the downloaded file).', '（或上传下载的文件）。')}</li>
<li>${both('Choose who gets it (everyone, or groups) and deploy. It can take up to 24 hours to appear in Excel (Home › Add-ins).', '选择分配对象（所有人或指定组）并部署。最长可能需要 24 小时才会出现在 Excel 中（开始 › 加载项）。')}</li>
</ol>
<p class="note">${both(
    'Add-ins blocked at your company? The <a href="../index.html">browser app</a> runs the same audit on an export file with nothing to install.',
    '公司禁止安装加载项？<a href="../index.html">浏览器版</a>无需安装，即可对导出文件运行同样的审核。',
  )}</p>
</div></main>`;
  return page({ up: '../', current: 'excel', title: 'Use in Excel · 在 Excel 中使用', body });
}

export function sheetsPage() {
  const files = [
    ['appsscript.json', 'appsscript.json', 'appsscript'],
    ['aerules.js', 'aerules.gs', 'aerules'],
    ['functions.js', 'functions.gs', 'functions'],
    ['addon.js', 'addon.gs', 'addon'],
    ['Sidebar.html', 'Sidebar.html', 'Sidebar'],
  ];
  const links = files.map(([f]) => `<a href="${f}" download="${f}"><code>${f}</code></a>`).join(' ');
  const body = `<main><div class="doc">
<h1>${both('Use in Google Sheets', '在 Google 表格中使用')}</h1>
<p>${both(
    'The Sheets add-on adds the functions (for example <code>=SG_FEE("BR", 50)</code>) and an audit sidebar under <b>Extensions</b>. Without publishing anything, copy it into one spreadsheet:',
    'Google 表格插件提供同样的函数（例如 <code>=SG_FEE("BR", 50)</code>），并在<b>扩展程序</b>菜单下提供审核侧边栏。无需发布，复制到一个表格即可使用：',
  )}</p>
<p class="files">${links}</p>
<h2>${both('Copy into one spreadsheet (about 5 minutes)', '复制到一个表格（约 5 分钟）')}</h2>
<ol>
<li>${both('Open the spreadsheet › <b>Extensions › Apps Script</b>. Click “Untitled project” and name it <b>AE Seller Rules</b> (the menu takes this name).', '打开表格 › <b>扩展程序 › Apps Script</b>。点击“未命名的项目”，改名为 <b>AE Seller Rules</b>（菜单使用此名称）。')}</li>
<li>${both('<b>Project Settings</b> (gear) › tick <b>Show "appsscript.json" manifest file in editor</b>. Back in <b>Editor</b>, open <code>appsscript.json</code> and replace its text with the downloaded <code>appsscript.json</code>.', '<b>项目设置</b>（齿轮）› 勾选<b>在编辑器中显示“appsscript.json”清单文件</b>。回到<b>编辑器</b>，打开 <code>appsscript.json</code>，用下载的 <code>appsscript.json</code> 内容替换。')}</li>
<li>${both('Files <b>+</b> › <b>Script</b>, in this order: <code>aerules</code>, <code>functions</code>, <code>addon</code>; paste into each the whole text of <code>aerules.js</code>, <code>functions.js</code>, <code>addon.js</code>. Delete <code>Code.gs</code>.', '文件 <b>+</b> › <b>脚本</b>，依次新建 <code>aerules</code>、<code>functions</code>、<code>addon</code>，分别粘贴 <code>aerules.js</code>、<code>functions.js</code>、<code>addon.js</code> 的全部内容。删除 <code>Code.gs</code>。')}</li>
<li>${both('Files <b>+</b> › <b>HTML</b>, name it <code>Sidebar</code>, paste the whole of <code>Sidebar.html</code>. <b>Save</b> (Ctrl+S).', '文件 <b>+</b> › <b>HTML</b>，命名为 <code>Sidebar</code>，粘贴 <code>Sidebar.html</code> 的全部内容。<b>保存</b>（Ctrl+S）。')}</li>
<li>${both('Reload the spreadsheet. The functions work at once: <code>=SG_FEE("BR", 50)</code>.', '刷新表格。函数立即可用：<code>=SG_FEE("BR", 50)</code>。')}</li>
<li>${both('<b>Extensions › AE Seller Rules › Open audit sidebar</b>. The first time Google asks: <b>Authorization required</b> › Continue › choose your account › “Google hasn’t verified this app” › <b>Advanced › Go to AE Seller Rules (unsafe)</b> › <b>Allow</b>. It asks for two permissions only: to see and edit <i>this</i> spreadsheet, and to show the sidebar.', '<b>扩展程序 › AE Seller Rules › 打开审核侧边栏</b>。首次使用时 Google 会询问：<b>需要授权</b> › 继续 › 选择账号 › “Google 尚未验证此应用” › <b>高级 › 转至 AE Seller Rules（不安全）</b> › <b>允许</b>。只请求两项权限：查看和编辑<i>当前</i>表格，以及显示侧边栏。')}</li>
</ol>
<p class="note">${both(
    'The “unverified app” screen appears because this copy is your own script, not a Marketplace add-on. Inside a Google Workspace company the admin can publish it privately instead. Cannot use scripts? The <a href="../index.html">browser app</a> needs nothing installed.',
    '出现“未验证的应用”提示，是因为这份副本是您自己的脚本，而不是插件市场中的插件。Google Workspace 企业管理员也可以在内部私下发布。无法使用脚本？<a href="../index.html">浏览器版</a>无需安装。',
  )}</p>
</div></main>`;
  return page({ up: '../', current: 'sheets', title: 'Use in Google Sheets · 在 Google 表格中使用', body });
}

export function supportPage(provider, version) {
  const body = `<main><div class="doc">
<h1>${both('Help and support', '帮助与支持')}</h1>
<p>${both(
    `AE Seller Rules (version ${esc(version)}) checks AliExpress orders against the Small Gifts and Offline Express rules: gift fees, timeouts and penalties, tracking numbers. Published by ${esc(provider)}.`,
    `速卖通卖家规则（版本 ${esc(version)}）按赠品和线下快递规则检查速卖通订单：礼物费用、超时与罚款、运单号。发布者：${esc(provider)}。`,
  )}</p>
<h2>${both('Ways to use it', '使用方式')}</h2>
<ul>
<li>${both('<a href="index.html">In the browser</a>: open an orders export, download the report. Nothing to install.', '<a href="index.html">浏览器版</a>：打开订单导出文件，下载报告。无需安装。')}</li>
<li>${both('<a href="excel/index.html">In Excel</a>: AE.* functions and the Order audit pane.', '<a href="excel/index.html">Excel</a>：AE.* 函数和订单审核面板。')}</li>
<li>${both('<a href="sheets/index.html">In Google Sheets</a>: the same functions and an audit sidebar.', '<a href="sheets/index.html">Google 表格</a>：同样的函数和审核侧边栏。')}</li>
</ul>
<h2>${both('Common questions', '常见问题')}</h2>
<ul>
<li>${both('<b>A function shows #NAME?</b> The add-in is not loaded in this workbook: Home › Add-ins, pick AE Seller Rules.', '<b>函数显示 #NAME?</b> 此工作簿未加载加载项：开始 › 加载项，选择 AE Seller Rules。')}</li>
<li>${both('<b>A function shows #VALUE!</b> An argument cannot be read; hover the cell (Excel) or see the cell’s text (Sheets) for the reason, in your language.', '<b>函数显示 #VALUE!</b> 某个参数无法识别；在 Excel 中悬停单元格，或在 Google 表格中查看单元格文字，即可看到原因。')}</li>
<li>${both('<b>The audit says a column is missing.</b> Pick the column by hand under “2 · Columns”.', '<b>审核提示缺少某列。</b> 在“2 · 列对应”中手动选择该列。')}</li>
<li>${both('<b>Is my data uploaded?</b> No. The audit and the functions run on your computer; the pages make no network requests.', '<b>数据会上传吗？</b> 不会。审核和函数都在您的电脑上运行，页面不发出任何网络请求。')}</li>
</ul>
<h2>${both('Contact', '联系')}</h2>
<p>${both(`Questions about your installation go to whoever gave you this add-in (${esc(provider)}).`, `安装相关的问题，请联系向您提供本加载项的一方（${esc(provider)}）。`)}</p>
</div></main>`;
  return page({ up: '', current: 'support', title: 'Help · 帮助 — AE Seller Rules', body });
}
