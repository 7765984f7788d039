/// The one stylesheet, served from a fingerprinted URL with a long cache life.
/// Colours meet WCAG 2.1 AA contrast (4.5:1 for text); the elder mode (长者模式) raises body
/// type to 22 px, targets to 48 px and spacing; print drops navigation and switches.
enum Stylesheet {
    static let css: String = #"""
:root{--ink:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--paper:#fff;--band:#f4f1ec;--red:#a50f0f;--link:#0a4d94;--focus:#ffbf47;--base:16px;--target:44px;--gap:1rem}
html.elder{--base:22px;--target:48px;--gap:1.5rem}
html.contrast{--ink:#fff;--muted:#fff;--line:#fff;--paper:#000;--band:#000;--red:#000;--link:#ff0;--focus:#0ff}
html.contrast body{background:#000;color:#fff}
html.contrast body *:not(svg):not(svg *){background-color:transparent!important;color:#fff!important;border-color:#fff!important;box-shadow:none!important}
html.contrast body a:not(svg *),html.contrast body a *:not(svg *){color:#ff0!important;text-decoration:underline!important}
html.contrast a:focus-visible,html.contrast button:focus-visible,html.contrast summary:focus-visible,html.contrast [tabindex]:focus-visible{outline:3px solid #0ff!important}
html.contrast .page-qr svg{background:#fff!important}
html.contrast body .skip-link{background-color:#000!important}
*{box-sizing:border-box}
html{font-size:var(--base);-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:var(--paper);font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",system-ui,sans-serif;line-height:1.7}
html.elder body{line-height:1.85;letter-spacing:.02em}
a{color:var(--link);text-underline-offset:.15em}
a:hover{color:#062f5c}
a:focus-visible,button:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px #1a1a1a}
.skip-link{position:absolute;left:.5rem;top:-10rem;background:var(--paper);color:var(--link);padding:.5rem 1rem;z-index:10;border:2px solid var(--ink)}
.skip-link:focus{top:.5rem}
.site-header{background:var(--red);color:#fff}
.site-header .bar{max-width:72rem;margin:0 auto;padding:.75rem var(--gap);display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
.brand{color:#fff;text-decoration:none;font-weight:700;font-size:1.35rem;display:inline-flex;gap:.6rem;align-items:baseline;min-height:var(--target);align-items:center}
.brand small{font-weight:400;font-size:.9rem}
.site-header a{color:#fff}
.site-header nav ul,.switches ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.site-header nav a,.switches a{display:inline-flex;align-items:center;min-height:var(--target);min-width:var(--target);padding:0 .35rem}
.site-header nav a[aria-current="page"]{font-weight:700;text-decoration-thickness:3px}
.switches{background:var(--band);border-bottom:1px solid var(--line)}
.switches .bar{max-width:72rem;margin:0 auto;padding:0 var(--gap);display:flex;flex-wrap:wrap;gap:0 2rem;align-items:center}
.switches .label{color:var(--muted);margin-right:.25rem}
.switches a[aria-current="true"]{font-weight:700;color:var(--ink);text-decoration:none}
main{max-width:72rem;margin:0 auto;padding:var(--gap)}
.notice{border-left:6px solid #8a5a00;background:#fff8e5;padding:.75rem 1rem;margin:0 0 var(--gap)}
.notice strong{margin-right:.5rem}
.crumbs ol{list-style:none;margin:0 0 .5rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}
.crumbs li+li::before{content:"›";margin:0 .4rem;color:var(--muted)}
h1{font-size:1.75rem;line-height:1.35;margin:.5rem 0 1rem}
h2{font-size:1.35rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--red)}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.25rem;margin:0 0 1rem}
.meta dt{color:var(--muted)}
.meta dd{margin:0}
.lead{font-size:1.1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.5rem .6rem;text-align:left;vertical-align:top}
thead th{background:var(--band)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td,th{overflow-wrap:anywhere}
label{display:block;font-weight:600;margin-bottom:.25rem}
input,select,textarea,button{font:inherit;color:inherit}
input[type=text],input[type=password],input[type=number],input[type=date],input[type=tel],select,textarea{display:block;width:100%;max-width:28rem;min-height:var(--target);padding:.35rem .6rem;border:2px solid #5a5a5a;border-radius:.25rem;background:#fff}
input[type=file]{display:block;max-width:100%;min-height:var(--target);padding:.35rem 0}
input[type=checkbox]{width:1.4em;height:1.4em;vertical-align:middle;margin-right:.5rem}
button{min-height:var(--target);min-width:var(--target);padding:.35rem 1.1rem;border:2px solid var(--link);border-radius:.25rem;background:var(--link);color:#fff;font-weight:600;cursor:pointer}
button:hover{background:#062f5c}
.inline-form{display:inline-block;margin:.15rem .5rem .15rem 0}
.inline-form button{background:#fff;color:var(--link)}
.inline-form button:hover{background:#eef4fb}
.stacked-form,.filter-form{margin:1rem 0 2rem;max-width:40rem}
.filter-form{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(13rem,100%),1fr));gap:0 1rem;max-width:none;align-items:end}
.filter-form .field{margin-bottom:.75rem}
.field{margin-bottom:1rem}
.field-check label{display:inline;font-weight:400}
.field-error input,.field-error select,.field-error textarea{border-color:var(--red)}
textarea{max-width:40rem}
fieldset{border:1px solid var(--line);padding:.5rem 1rem;margin:0 0 1rem}
legend{font-weight:700;padding:0 .25rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem}
.actions button[value=return],.actions button[value=reject],.actions button[value=save]{background:#fff;color:var(--link)}
.light{display:inline-block;padding:.05rem .6rem;border:2px solid;border-radius:1rem;font-weight:700;white-space:nowrap}
.light-green{color:#1d6b33;background:#eef8f0}
.light-blue{color:#0b4f8a;background:#e8f1fb}
.light-yellow{color:#6b4e00;background:#fff4cc}
.light-red{color:#a30000;background:#fdeaea}
.chart{display:block;width:100%;max-width:40rem;height:auto;margin:.5rem 0;border:1px solid var(--line)}
.seg-green{fill:#2e7d43}.seg-blue{fill:#1f6fb5}.seg-yellow{fill:#e0a800}.seg-red{fill:#c62828}
.card{border:1px solid var(--line);border-radius:.25rem;padding:.25rem 1rem;margin:0 0 1rem}
.hint{color:var(--muted);margin:.25rem 0}
.error-message{color:var(--red);font-weight:600;margin:.25rem 0}
.error-summary{border:3px solid var(--red);padding:.75rem 1rem;margin:0 0 1rem}
.error-summary a{color:var(--red);font-weight:600}
.success{border-left:6px solid #1d6b33;background:#eef8f0;padding:.75rem 1rem;margin:0 0 1rem}
.success code,code{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.site-header .user{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}
.site-header .inline-form button{background:transparent;color:#fff;border-color:#fff}
.site-header .inline-form button:hover{background:#7d0b0b}
.timeline{list-style:none;padding:0;margin:0 0 1rem;border-left:3px solid var(--red)}
.timeline li{padding:.25rem 0 .25rem 1rem}
.timeline time{font-weight:700;margin-right:.75rem}
.pending{color:var(--muted)}
.tag{display:inline-block;border:1px solid var(--muted);border-radius:.25rem;padding:0 .4rem;font-size:.9em;white-space:nowrap}
.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(15rem,100%),1fr));gap:.75rem}
.cards li{border:1px solid var(--line);padding:.75rem;border-radius:.25rem}
.cards a{display:inline-block;min-height:var(--target);padding:.35rem 0}
.unit-list{columns:16rem;column-gap:2rem;padding-left:1.25rem}
.unit-list li{break-inside:avoid;padding:.15rem 0}
.unit-list a{display:inline-block;min-height:calc(var(--target) - .3rem);padding:.35rem 0}
.inline-list{display:inline;margin:0;padding:0;list-style:none}
.inline-list li{display:inline}
.inline-list li+li::before{content:"、"}
.site-footer{border-top:1px solid var(--line);margin-top:3rem;color:var(--muted)}
.site-footer .bar{max-width:72rem;margin:0 auto;padding:1rem var(--gap);display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;align-items:flex-start}
.site-footer .bar p{margin:0 0 .25rem}
.site-identity ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.page-qr{margin:0;text-align:center;font-size:.875rem}
.page-qr svg{display:block;width:8rem;height:8rem;margin:0 auto .25rem;background:#fff}
.page-qr path{fill:#000}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:640px){
  h1{font-size:1.4rem}
  .meta{grid-template-columns:1fr}
  .meta dd{margin-bottom:.5rem}
  table.stack,table.stack tbody,table.stack tr,table.stack td,table.stack th[scope="row"]{display:block;width:100%}
  table.stack caption{display:block}
  table.stack tfoot{display:block}
  table.stack tfoot tr{display:block}
  table.stack tfoot td,table.stack tfoot th{display:block;width:100%}
  table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.stack tr{border:1px solid var(--line);margin-bottom:.75rem}
  table.stack td,table.stack th[scope="row"]{border:0;border-bottom:1px solid #e6e6e6}
  table.stack td[data-label]::before{content:attr(data-label) "：";display:block;color:var(--muted);font-size:.9em}
}
@media print{
  .site-header,.switches,.skip-link,.site-footer{display:none}
  body{font-size:11pt;color:#000}
  a{color:#000;text-decoration:none}
  main{max-width:none;padding:0}
  table{page-break-inside:auto}
  tr{page-break-inside:avoid}
  h2{border-bottom-color:#000}
}
"""# + String(describing: bulletin)

    /// A bulletin (督查通报) on screen and on A4 paper: the red masthead and rule, 仿宋 body with
    /// first-line indents, the signature to the right; printing a bulletin page prints only the
    /// bulletin, with GB/T 9704's margins. Also the whole style of the CLI's standalone HTML file.
    static let bulletin: StaticString = #"""
.bulletin{max-width:48rem;margin:1rem auto;padding:1.5rem;border:1px solid #c8c8c8;background:#fff;color:#1a1a1a;font-family:"仿宋_GB2312","FangSong_GB2312","FangSong","STFangsong","Noto Serif CJK SC","Songti SC",serif;line-height:1.9}
.bulletin-masthead{color:#c00000;text-align:center;font-size:2.6rem;font-weight:700;letter-spacing:.5em;text-indent:.5em;margin:.5rem 0 .25rem;font-family:"方正小标宋简体","FZXiaoBiaoSong-B05S","SimSun","Noto Serif CJK SC",serif}
.bulletin-issue{text-align:center;margin:0}
.bulletin-rule{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 1rem;border-bottom:3px solid #c00000;padding-bottom:.35rem;margin:.5rem 0 1.5rem}
.bulletin .bulletin-title{text-align:center;font-size:1.5rem;line-height:1.5;margin:1rem 0 1.25rem;padding:0;border:0;font-family:"方正小标宋简体","SimSun","Noto Serif CJK SC",serif}
.bulletin h2:not(.bulletin-title),.bulletin h3{font-size:1.1rem;margin:1.25rem 0 .5rem;padding:0;border:0;text-indent:2em;font-family:"黑体","SimHei","Noto Sans CJK SC",sans-serif}
.bulletin-text{text-indent:2em;margin:.25rem 0;text-align:justify}
.bulletin-addressee{margin:.25rem 0}
.bulletin-table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.9em;line-height:1.5}
.bulletin-table caption{text-align:center;font-weight:700}
.bulletin-table th,.bulletin-table td{border:1px solid #5a5a5a;padding:.3rem .4rem;text-align:left;vertical-align:top}
.bulletin-table td.num{text-align:right;font-variant-numeric:tabular-nums}
.bulletin-signature{text-align:right;margin:2rem 4em 1rem 0}
.bulletin-signature p{margin:0}
.bulletin-imprint{border-top:1px solid #1a1a1a;border-bottom:1px solid #1a1a1a;padding:.25rem 0;margin:2rem 0 0}
@media print{
  @page{size:A4;margin:37mm 26mm 35mm 28mm}
  main:has(.bulletin)>:not(.bulletin){display:none}
  .bulletin{border:0;padding:0;margin:0;max-width:none;font-size:16pt;line-height:28.95pt;color:#000}
  .bulletin-masthead{color:#f00;font-size:42pt;line-height:1.3}
  .bulletin-rule{border-bottom-color:#f00}
  .bulletin .bulletin-title{font-size:22pt;line-height:1.45}
  .bulletin-table{font-size:12pt}
}
"""#

    /// Changes whenever the stylesheet changes, so the URL can be cached for a year.
    static let fingerprint: String = {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in css.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return String(hash, radix: 16)
    }()
}
