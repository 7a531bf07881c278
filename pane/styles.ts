/**
 * The pane's CSS, injected by mountAuditPane into its root (so one inlined HTML file works in the
 * Sheets sidebar and nothing leaks into the host page). Everything is scoped under `.aep`.
 * Fluent-2-like palette; works from a 300 px sidebar to a wide Excel task pane.
 */
export const PANE_CSS = `
.aep{--b:#0f6cbd;--bh:#115ea3;--bp:#0c3b5e;--fg:#242424;--fg2:#616161;--fg3:#8a8a8a;--line:#e0e0e0;--line2:#d1d1d1;
--bg:#fff;--bg2:#f7f7f7;--bg3:#f0f0f0;--err:#b10e1c;--errbg:#fdf3f4;--errline:#eeacb2;--warn:#8a3707;--warnbg:#fff9f5;--warnline:#fdcfb4;
--ok:#0e700e;--okbg:#f1faf1;--okline:#9fd89f;
font:13px/1.4 "Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,system-ui,Roboto,"Helvetica Neue","Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;
color:var(--fg);background:var(--bg);box-sizing:border-box;min-width:240px;max-width:720px;margin:0 auto;padding:0 12px 16px;-webkit-font-smoothing:antialiased}
.aep *,.aep *::before,.aep *::after{box-sizing:border-box}
.aep [hidden]{display:none!important}
.aep-top{display:flex;align-items:center;gap:8px;padding:12px 0 10px;border-bottom:1px solid var(--line);margin-bottom:4px}
.aep-logo{flex:none;width:28px;height:28px;border-radius:6px;background:linear-gradient(135deg,#e62e04,#ff7a00);color:#fff;display:grid;place-items:center;font-weight:700;font-size:12px;letter-spacing:.5px}
.aep-titles{flex:1;min-width:0}
.aep-title{margin:0;font-size:15px;font-weight:600;line-height:1.2;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.aep-sub{margin:0;color:var(--fg2);font-size:11.5px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.aep-seg{flex:none;display:inline-flex;border:1px solid var(--line2);border-radius:4px;overflow:hidden}
.aep-seg button{border:0;background:var(--bg);color:var(--fg2);font:inherit;font-size:12px;padding:3px 8px;cursor:pointer;min-width:36px}
.aep-seg button+button{border-left:1px solid var(--line2)}
.aep-seg button[aria-pressed=true]{background:var(--b);color:#fff;font-weight:600}
.aep-seg button:not([aria-pressed=true]):hover{background:var(--bg3);color:var(--fg)}
.aep-sec{padding:12px 0 4px}
.aep-sec+.aep-sec{border-top:1px solid var(--line)}
.aep-h{margin:0 0 8px;font-size:13px;font-weight:600;display:flex;align-items:center;gap:6px}
.aep-h .aep-count{margin-left:auto;font-weight:400;color:var(--fg2);font-size:12px}
.aep-lbl{display:block;color:var(--fg2);font-size:12px;margin:0 0 4px}
.aep-row{display:flex;gap:6px;align-items:center}
.aep-row>select{flex:1;min-width:0}
.aep select{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line2);border-bottom-color:#616161;border-radius:4px;height:28px;padding:0 6px;max-width:100%;min-width:0}
.aep select:hover{border-color:#c7c7c7;border-bottom-color:var(--fg)}
.aep select:disabled{color:var(--fg3);background:var(--bg2);border-color:var(--line)}
.aep :focus-visible{outline:2px solid var(--b);outline-offset:1px}
.aep-btn{font:inherit;font-weight:600;border-radius:4px;border:1px solid var(--line2);background:var(--bg);color:var(--fg);height:30px;padding:0 12px;cursor:pointer;display:inline-flex;align-items:center;justify-content:center;gap:6px;white-space:nowrap}
.aep-btn:hover:not(:disabled){background:var(--bg3);border-color:#c7c7c7}
.aep-btn:active:not(:disabled){background:#e0e0e0}
.aep-btn:disabled{color:#bdbdbd;background:var(--bg2);border-color:var(--line);cursor:default}
.aep-btn.aep-primary{background:var(--b);border-color:var(--b);color:#fff}
.aep-btn.aep-primary:hover:not(:disabled){background:var(--bh);border-color:var(--bh)}
.aep-btn.aep-primary:active:not(:disabled){background:var(--bp)}
.aep-btn.aep-primary:disabled{background:var(--bg3);border-color:var(--line);color:#bdbdbd}
.aep-icon{width:30px;padding:0;flex:none}
.aep-icon svg{width:16px;height:16px}
.aep-meta{margin:6px 0 0;color:var(--fg2);font-size:12px}
.aep-help{margin:0 0 8px;color:var(--fg2);font-size:12px}
.aep-grp{margin:10px 0 4px;font-size:11px;font-weight:600;color:var(--fg2);text-transform:uppercase;letter-spacing:.4px}
.aep-mapdet{border:1px solid var(--line);border-radius:6px}
.aep-mapsum{cursor:pointer;padding:6px 8px;font-size:12.5px;color:var(--b);font-weight:600}
.aep-mapsum:hover{background:var(--bg2)}
.aep-mapdet[open]>.aep-mapsum{border-bottom:1px solid var(--line)}
.aep-mapbody{padding:0 8px 8px}
.aep-map{display:grid;grid-template-columns:minmax(0,42%) minmax(0,1fr);gap:4px 8px;align-items:center}
.aep-map label{font-size:12.5px;display:flex;align-items:center;gap:5px;min-width:0}
.aep-map label span{overflow-wrap:anywhere;line-height:1.2}
.aep-map select{width:100%;height:26px;font-size:12.5px}
.aep-dot{flex:none;width:7px;height:7px;border-radius:50%;background:#c7c7c7}
.aep-on .aep-dot{background:#13a10e}
.aep-off label{color:var(--fg2)}
.aep-off select{color:var(--fg2)}
.aep-req{color:var(--err);font-weight:600}
.aep-link{font:inherit;font-size:12px;background:none;border:0;padding:0;color:var(--b);cursor:pointer;text-decoration:underline}
.aep-link:disabled{color:var(--fg3);cursor:default;text-decoration:none}
.aep-note{margin:10px 0 0;border:1px solid var(--line);border-radius:6px;background:var(--bg2);font-size:12px}
.aep-note>summary{cursor:pointer;padding:6px 8px;font-weight:600;list-style-position:inside}
.aep-note ul{margin:0;padding:0 8px 8px 24px}
.aep-note li{margin:2px 0;color:var(--fg2)}
.aep-note li b{color:var(--fg);font-weight:600}
.aep-note.aep-warnnote{background:var(--warnbg);border-color:var(--warnline)}
.aep-note.aep-warnnote>summary{color:var(--warn)}
.aep-code{font-family:Consolas,"Cascadia Mono",Menlo,monospace;font-size:11.5px;color:var(--fg)}
.aep-msg{display:flex;gap:8px;align-items:flex-start;border-radius:6px;padding:8px 10px;margin:8px 0;font-size:12.5px;border:1px solid}
.aep-msg::before{flex:none;font-weight:700;width:16px;height:16px;border-radius:50%;display:grid;place-items:center;font-size:11px;color:#fff;margin-top:1px}
.aep-msg.aep-err{background:var(--errbg);border-color:var(--errline);color:var(--err)}
.aep-msg.aep-err::before{content:"!";background:var(--err)}
.aep-msg.aep-warn{background:var(--warnbg);border-color:var(--warnline);color:var(--warn)}
.aep-msg.aep-warn::before{content:"!";background:#da3b01}
.aep-msg.aep-ok{background:var(--okbg);border-color:var(--okline);color:var(--ok)}
.aep-msg.aep-ok::before{content:"✓";background:var(--ok)}
.aep-msg.aep-info{background:var(--bg2);border-color:var(--line);color:var(--fg2)}
.aep-msg.aep-info::before{content:"i";background:var(--fg2)}
.aep-msg>div{min-width:0;overflow-wrap:anywhere}
.aep-actions{display:flex;gap:8px;margin-top:8px}
.aep-actions .aep-primary{flex:1}
.aep-prog{margin-top:10px}
.aep-bar{height:4px;border-radius:2px;background:var(--bg3);overflow:hidden}
.aep-bar>div{height:100%;width:0;background:var(--b);transition:width .15s ease}
.aep-bar.aep-indet>div{width:35%;animation:aep-slide 1.1s ease-in-out infinite}
@keyframes aep-slide{0%{margin-left:-35%}100%{margin-left:100%}}
.aep-progtext{margin-top:5px;font-size:12px;color:var(--fg2);display:flex;justify-content:space-between;gap:8px}
.aep-result{margin-top:10px;border:1px solid var(--line);border-radius:6px;overflow:hidden}
.aep-result h3{margin:0;padding:7px 10px;font-size:12.5px;background:var(--okbg);color:var(--ok);border-bottom:1px solid var(--line);display:flex;justify-content:space-between;gap:8px}
.aep-result h3 small{font-weight:400;color:var(--fg2)}
.aep-stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));margin:0}
.aep-stat{padding:7px 10px;border-bottom:1px solid var(--line);border-right:1px solid var(--line);min-width:0}
.aep-stat dt{font-size:11px;color:var(--fg2);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.aep-stat dd{margin:1px 0 0;font-size:16px;font-weight:600;font-variant-numeric:tabular-nums}
.aep-stat.aep-e dd{color:var(--err)}
.aep-stat.aep-w dd{color:var(--warn)}
.aep-sheets{padding:7px 10px;font-size:12px;color:var(--fg2)}
.aep-sheets b{color:var(--fg);font-weight:600}
.aep-muted{color:var(--fg2);font-size:12px}
.aep-card{margin:8px 0 4px}
.aep-card select{width:100%}
.aep-card .aep-help{margin:4px 0 0}
.aep-result .aep-asof{padding:0 10px 7px;margin:0}
.aep-result>.aep-msg,.aep-result>.aep-note{margin:0 10px 8px}
.aep-msg ul{margin:4px 0 0;padding-left:18px}
.aep-spin{display:inline-block;width:12px;height:12px;border:2px solid var(--line2);border-top-color:var(--b);border-radius:50%;animation:aep-rot .8s linear infinite;vertical-align:-2px}
@keyframes aep-rot{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.aep-bar>div,.aep-spin{animation:none!important;transition:none}}
.aep-drop{margin:4px 0 10px;padding:10px;border:1px dashed var(--line2);border-radius:6px;text-align:center}
.aep-drop.aep-over{border-color:var(--b);background:#ebf3fc}
.aep-drop .aep-help{margin:6px 0 0}
.aep-file{position:absolute;width:1px;height:1px;opacity:0;overflow:hidden}
.aep-filebtn{display:inline-block;cursor:pointer}
.aep-file:focus-visible+.aep-help,.aep-filebtn:focus-within{outline:2px solid var(--b)}
.aep-result>.aep-actions{margin:4px 10px 4px}
.aep-result>.aep-help{margin:0 10px 8px}
`;
