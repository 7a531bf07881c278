// The data files of i18n-iso-countries for the Sheets server library (issue 12: Sheets loads every
// byte of the script for every formula cell), as compact text decoded when the script loads:
//  - codes.json: each row's alpha-2 and alpha-3 code only, the only ones core/countries.ts reads
//    (the numeric code and the "ISO 3166-2:XX" text are dropped): "AFAFGALALB…";
//  - langs/en.json, langs/zh.json: one line per country, "<alpha-2><name>|<other name>…".
// The decoded values equal the files' (test/sheets/iso-countries-loader.test.ts). 4 KB less than JSON.
module.exports = function isoCountries(source) {
  const data = JSON.parse(source);
  if (Array.isArray(data)) {
    const text = data.map((c) => `${c[0]}${c[1]}`).join('');
    if (!/^(?:[A-Z]{5})*$/.test(text)) throw new Error('i18n-iso-countries codes.json: unexpected codes');
    return `module.exports=${JSON.stringify(text)}.match(/.{5}/g).map(function(c){return[c.slice(0,2),c.slice(2)]});`;
  }
  const lines = Object.entries(data.countries).map(([code, names]) => {
    const list = Array.isArray(names) ? names : [names];
    if (!/^[A-Z]{2}$/.test(code) || list.some((n) => /[\n|]/.test(n))) throw new Error(`i18n-iso-countries ${data.locale}: unexpected entry ${code}`);
    return `${code}${list.join('|')}`;
  });
  return (
    `var c={};${JSON.stringify(lines.join('\n'))}.split("\\n").forEach(function(l){var n=l.slice(2).split("|");c[l.slice(0,2)]=n.length>1?n:n[0]});` +
    `module.exports={locale:${JSON.stringify(data.locale)},countries:c};`
  );
};
